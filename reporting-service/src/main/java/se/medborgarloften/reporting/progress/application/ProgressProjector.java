package se.medborgarloften.reporting.progress.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import se.medborgarloften.contracts.PeriodKey;
import se.medborgarloften.contracts.activity.ActivityEvent;
import se.medborgarloften.contracts.promise.AgreementEvent;
import se.medborgarloften.contracts.promise.AgreementSnapshot;
import se.medborgarloften.contracts.promise.CommitmentSnapshot;
import se.medborgarloften.contracts.promise.PromiseSnapshot;
import se.medborgarloften.contracts.reporting.PromiseProgress;
import se.medborgarloften.reporting.progress.domain.CommitmentRule;
import se.medborgarloften.reporting.progress.domain.DayCount;
import se.medborgarloften.reporting.progress.domain.ProgressWindow;
import se.medborgarloften.reporting.progress.domain.StockholmPeriods;
import se.medborgarloften.reporting.progress.domain.Tally;
import se.medborgarloften.reporting.rebuild.RebuildGate;

/**
 * Keeps promise progress in step with the events: an agreement once signed gets a progress figure for every
 * commitment and period of its validity; an activity moves its count between days ({@link ActivityDays}) and
 * refreshes the periods it counts in, before and after a correction, so a moved or cancelled activity moves the
 * counts back.
 *
 * <p>An activity event is applied in this order: its day counts, the figures of its periods, and last its view. A
 * crash anywhere before the view is written leaves the view at the previous state, so the redelivered event is
 * applied again: the day counts refuse what they already hold, and the figures are recomputed. Once the view holds
 * the event, a redelivery of it changes nothing.
 */
@Service
public class ProgressProjector {

    private final ReportingViews views;
    private final ActivityDays days;
    private final ProgressBook book;
    private final RebuildGate gate;
    private final ApplicationEventPublisher changes;
    private final Clock clock;

    public ProgressProjector(
            ReportingViews views,
            ActivityDays days,
            ProgressBook book,
            RebuildGate gate,
            ApplicationEventPublisher changes,
            Clock clock) {
        this.views = views;
        this.days = days;
        this.book = book;
        this.gate = gate;
        this.changes = changes;
        this.clock = clock;
    }

    public void on(AgreementEvent event) {
        if (views.apply(event)) {
            changes.publishEvent(new AgreementChanged(event.agreement()));
        }
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
        gate.apply(event.aggregateId(), () -> apply(event));
    }

    private void apply(ActivityEvent event) {
        Optional<ActivityEvent> before = views.activity(event.aggregateId());
        if (before.filter(known -> known.aggregateVersion() >= event.aggregateVersion())
                .isPresent()) {
            return;
        }
        days.move(before.flatMap(DayCount::of), DayCount.of(event));
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
        views.apply(event);
    }

    private void refresh(AgreementSnapshot agreement, PromiseCommitment pair, PeriodKey period) {
        CommitmentSnapshot commitment = pair.commitment();
        ProgressWindow window = ProgressWindow.of(period, agreement.validFrom(), agreement.validTo());
        book.record(PromiseProgress.keyOf(commitment.id(), period), () -> {
            Tally tally = days.tally(
                    agreement.municipalityCode(),
                    commitment.activityType(),
                    window,
                    facet -> CommitmentRule.counts(commitment, facet));
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
