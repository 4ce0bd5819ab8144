package se.medborgarloften.reporting.progress.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import se.medborgarloften.contracts.PeriodKey;
import se.medborgarloften.contracts.promise.AgreementSnapshot;
import se.medborgarloften.contracts.promise.AssessmentSnapshot;
import se.medborgarloften.contracts.promise.CommitmentSnapshot;
import se.medborgarloften.contracts.promise.PromiseSnapshot;
import se.medborgarloften.contracts.reporting.PromiseProgress;
import se.medborgarloften.reporting.progress.application.ProgressReport.AgreementProgress;
import se.medborgarloften.reporting.progress.application.ProgressReport.CommitmentProgressView;
import se.medborgarloften.reporting.progress.application.ProgressReport.PeriodProgress;
import se.medborgarloften.reporting.progress.application.ProgressReport.PromiseProgressView;
import se.medborgarloften.reporting.progress.domain.ProgressWindow;
import se.medborgarloften.reporting.progress.domain.StockholmPeriods;

/** Reads progress for the API; statuses are judged at the moment of asking, since a period's pace moves with time. */
@Service
public class ProgressQueries {

    private final ReportingViews views;
    private final ProgressBook book;
    private final Clock clock;

    public ProgressQueries(ReportingViews views, ProgressBook book, Clock clock) {
        this.views = views;
        this.book = book;
        this.clock = clock;
    }

    public ProgressReport report(String municipalityCode, int year) {
        Instant now = clock.instant();
        List<AgreementProgress> agreements = views.signedAgreements(municipalityCode, Optional.of(year)).stream()
                .map(agreement -> agreement(agreement, now))
                .toList();
        return new ProgressReport(municipalityCode, year, now.atOffset(ZoneOffset.UTC), agreements);
    }

    private AgreementProgress agreement(AgreementSnapshot agreement, Instant now) {
        Map<String, PromiseProgress> stored = book.ofAgreement(agreement.id());
        return new AgreementProgress(
                agreement.id(),
                agreement.municipalityName(),
                agreement.policeArea(),
                agreement.status(),
                agreement.promises().stream()
                        .map(p -> promise(agreement, p, stored, now))
                        .toList());
    }

    private PromiseProgressView promise(
            AgreementSnapshot agreement, PromiseSnapshot promise, Map<String, PromiseProgress> stored, Instant now) {
        AssessmentSnapshot latest = promise.assessments().stream()
                .max(Comparator.comparing(AssessmentSnapshot::assessedAt))
                .orElse(null);
        return new PromiseProgressView(
                promise.id(),
                promise.title(),
                promise.description(),
                promise.party(),
                promise.theme(),
                promise.commitments().stream()
                        .map(c -> commitment(agreement, c, stored, now))
                        .toList(),
                latest);
    }

    private CommitmentProgressView commitment(
            AgreementSnapshot agreement,
            CommitmentSnapshot commitment,
            Map<String, PromiseProgress> stored,
            Instant now) {
        List<PeriodProgress> periods = StockholmPeriods.periodsCovering(
                        agreement.validFrom(), agreement.validTo(), PeriodKey.Unit.valueOf(commitment.per()))
                .stream()
                .map(period -> period(agreement, commitment, period, stored, now))
                .toList();
        return new CommitmentProgressView(
                commitment.id(),
                commitment.activityType(),
                commitment.minimumCount(),
                commitment.per(),
                commitment.filter(),
                periods);
    }

    private PeriodProgress period(
            AgreementSnapshot agreement,
            CommitmentSnapshot commitment,
            PeriodKey period,
            Map<String, PromiseProgress> figures,
            Instant now) {
        ProgressWindow window = ProgressWindow.of(period, agreement.validFrom(), agreement.validTo());
        Optional<PromiseProgress> stored =
                Optional.ofNullable(figures.get(PromiseProgress.keyOf(commitment.id(), period)));
        long done = stored.map(PromiseProgress::done).orElse(0L);
        long target = commitment.minimumCount();
        return new PeriodProgress(
                period.toString(),
                done,
                target,
                window.status(done, target, now).name(),
                Math.max(0, target - done),
                window.daysLeft(now),
                stored.map(PromiseProgress::vehiclesChecked).orElse(0L),
                stored.map(PromiseProgress::violations).orElse(0L),
                stored.map(PromiseProgress::updatedAt).orElse(null));
    }
}
