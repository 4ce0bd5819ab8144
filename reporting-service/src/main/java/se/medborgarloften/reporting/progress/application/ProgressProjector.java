package se.medborgarloften.reporting.progress.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>Activity events are applied in this order: their day counts, the figures of their periods, and last their
 * views. A crash anywhere before the views are written leaves them at the previous states, so the redelivered events
 * are applied again: the day counts refuse what they already hold, and the figures are recomputed. Once a view holds
 * an event, a redelivery of it changes nothing.
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
        on(List.of(event));
    }

    /**
     * Applies a batch of activity events as one: per activity only the newest event matters (the day counts move
     * from the state the views hold straight to it), each touched period is refreshed once, and the views are
     * written last, in one round trip each.
     */
    public void on(List<ActivityEvent> events) {
        Map<String, ActivityEvent> newest = new LinkedHashMap<>();
        events.forEach(event -> newest.merge(
                event.aggregateId(),
                event,
                (kept, other) -> other.aggregateVersion() > kept.aggregateVersion() ? other : kept));
        gate.apply(newest.keySet(), () -> apply(newest.values()));
    }

    private void apply(Collection<ActivityEvent> events) {
        Map<String, ActivityEvent> known =
                views.activities(events.stream().map(ActivityEvent::aggregateId).toList());
        List<ActivityEvent> changed = events.stream()
                .filter(event -> Optional.ofNullable(known.get(event.aggregateId()))
                        .map(before -> before.aggregateVersion() < event.aggregateVersion())
                        .orElse(true))
                .toList();
        if (changed.isEmpty()) {
            return;
        }
        days.moveAll(changed.stream()
                .map(event -> new ActivityDays.Move(
                        Optional.ofNullable(known.get(event.aggregateId())).flatMap(DayCount::of), DayCount.of(event)))
                .toList());
        Map<String, List<ActivityEvent>> touched = new LinkedHashMap<>();
        changed.forEach(event -> {
            touched.computeIfAbsent(event.municipalityCode(), code -> new ArrayList<>())
                    .add(event);
            Optional.ofNullable(known.get(event.aggregateId()))
                    .ifPresent(before -> touched.computeIfAbsent(before.municipalityCode(), code -> new ArrayList<>())
                            .add(before));
        });
        touched.forEach(this::refreshPeriodsOf);
        views.applyAll(changed);
    }

    /** Refreshes, once each, the periods of the municipality's commitments that any of these states counts in. */
    private void refreshPeriodsOf(String municipalityCode, List<ActivityEvent> states) {
        for (AgreementSnapshot agreement : views.signedAgreements(municipalityCode, Optional.empty())) {
            commitmentsOf(agreement)
                    .forEach(pair -> states.stream()
                            .filter(state -> pair.commitment().activityType().equals(state.activityType()))
                            .map(state -> StockholmPeriods.periodOf(
                                    state.occurredAt().toInstant(),
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
