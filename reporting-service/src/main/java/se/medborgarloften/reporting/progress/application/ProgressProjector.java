package se.medborgarloften.reporting.progress.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import se.medborgarloften.contracts.PeriodKey;
import se.medborgarloften.contracts.activity.ActivityEvent;
import se.medborgarloften.contracts.promise.AgreementEvent;
import se.medborgarloften.contracts.promise.AgreementSnapshot;
import se.medborgarloften.contracts.promise.CommitmentSnapshot;
import se.medborgarloften.contracts.promise.PromiseSnapshot;
import se.medborgarloften.contracts.reporting.PromiseProgress;
import se.medborgarloften.reporting.progress.domain.CommitmentRule;
import se.medborgarloften.reporting.progress.domain.ProgressWindow;
import se.medborgarloften.reporting.progress.domain.StockholmPeriods;
import se.medborgarloften.reporting.progress.domain.Tally;

/**
 * Keeps promise progress in step with the events: an agreement once signed gets a progress figure for every
 * commitment and period of its validity; an activity refreshes the periods it counts in, before and after a
 * correction, so a moved or cancelled activity moves the counts back.
 */
@Service
public class ProgressProjector {

    private final ReportingViews views;
    private final ProgressBook book;
    private final Clock clock;

    public ProgressProjector(ReportingViews views, ProgressBook book, Clock clock) {
        this.views = views;
        this.book = book;
        this.clock = clock;
    }

    public void on(AgreementEvent event) {
        views.apply(event);
        AgreementSnapshot agreement = event.agreement();
        if (!isSigned(agreement)) {
            return;
        }
        commitmentsOf(agreement)
                .forEach(pair -> StockholmPeriods.periodsCovering(
                                agreement.validFrom(),
                                agreement.validTo(),
                                PeriodKey.Unit.valueOf(pair.commitment().per()))
                        .forEach(period -> refresh(agreement, pair, period)));
    }

    public void on(ActivityEvent event) {
        Optional<ActivityEvent> before = views.activity(event.aggregateId());
        views.apply(event);
        Set<Instant> moments = new LinkedHashSet<>();
        moments.add(event.occurredAt().toInstant());
        before.ifPresent(previous -> moments.add(previous.occurredAt().toInstant()));
        for (AgreementSnapshot agreement : views.signedAgreements(event.municipalityCode(), Optional.empty())) {
            commitmentsOf(agreement)
                    .filter(pair -> pair.commitment().activityType().equals(event.activityType()))
                    .forEach(pair -> moments.stream()
                            .map(moment -> StockholmPeriods.periodOf(
                                    moment,
                                    PeriodKey.Unit.valueOf(pair.commitment().per())))
                            .distinct()
                            .filter(period -> covers(agreement, period))
                            .forEach(period -> refresh(agreement, pair, period)));
        }
    }

    private void refresh(AgreementSnapshot agreement, PromiseCommitment pair, PeriodKey period) {
        CommitmentSnapshot commitment = pair.commitment();
        ProgressWindow window = ProgressWindow.of(period, agreement.validFrom(), agreement.validTo());
        book.record(PromiseProgress.keyOf(commitment.id(), period), () -> {
            List<ActivityEvent> counted =
                    views.activitiesIn(agreement.municipalityCode(), commitment.activityType(), window).stream()
                            .filter(activity ->
                                    CommitmentRule.counts(commitment, agreement.municipalityCode(), activity))
                            .toList();
            Tally tally = Tally.of(counted);
            Instant now = clock.instant();
            return new PromiseProgress(
                    commitment.id(),
                    pair.promise().id(),
                    agreement.id(),
                    agreement.municipalityCode(),
                    commitment.activityType(),
                    period.toString(),
                    tally.done(),
                    commitment.minimumCount(),
                    window.status(tally.done(), commitment.minimumCount(), now).name(),
                    tally.vehiclesChecked(),
                    tally.violations(),
                    now.atOffset(ZoneOffset.UTC));
        });
    }

    /** Whether the period lies in the agreement's validity; an activity outside it counts for nothing. */
    private static boolean covers(AgreementSnapshot agreement, PeriodKey period) {
        return !StockholmPeriods.firstDay(period).isAfter(agreement.validTo())
                && StockholmPeriods.endDay(period).isAfter(agreement.validFrom());
    }

    private static boolean isSigned(AgreementSnapshot agreement) {
        return "AGREED".equals(agreement.status()) || "CLOSED".equals(agreement.status());
    }

    private static Stream<PromiseCommitment> commitmentsOf(AgreementSnapshot agreement) {
        return agreement.promises().stream()
                .flatMap(promise -> promise.commitments().stream().map(c -> new PromiseCommitment(promise, c)));
    }

    private record PromiseCommitment(PromiseSnapshot promise, CommitmentSnapshot commitment) {}
}
