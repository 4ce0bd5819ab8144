package se.medborgarloften.reporting.progress.application;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static se.medborgarloften.platform.messaging.dedupe.LatestVersionWins.field;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.medborgarloften.contracts.activity.ActivityEvent;
import se.medborgarloften.contracts.promise.AgreementEvent;
import se.medborgarloften.contracts.promise.AgreementSnapshot;
import se.medborgarloften.platform.messaging.dedupe.LatestVersionWins;

/**
 * The latest known state of every agreement and activity, as their events last told it. Each is kept by aggregate
 * version, so redelivered and replayed events change nothing.
 */
@Component
public class ReportingViews {

    static final String AGREEMENTS = "agreements";
    static final String ACTIVITIES = "activities";
    private static final List<String> SIGNED = List.of("AGREED", "CLOSED");

    private final LatestVersionWins views;

    public ReportingViews(LatestVersionWins views) {
        this.views = views;
    }

    public boolean apply(AgreementEvent event) {
        return views.apply(AGREEMENTS, event.aggregateId(), event.aggregateVersion(), event.agreement());
    }

    /** The views of those of {@code ids} that are known, by id. */
    public Map<String, ActivityEvent> activities(Collection<String> ids) {
        return views.findAll(ACTIVITIES, ids, ActivityEvent.class);
    }

    /** Stores each event's activity unless its view already holds that or a newer version. */
    public void applyAll(Collection<ActivityEvent> events) {
        views.applyAll(
                ACTIVITIES,
                events.stream()
                        .map(event ->
                                new LatestVersionWins.Change(event.aggregateId(), event.aggregateVersion(), event))
                        .toList());
    }

    /** Signed agreements (agreed or closed) of a municipality, optionally of one year. */
    public List<AgreementSnapshot> signedAgreements(String municipalityCode, Optional<Integer> year) {
        var criteria = where(field("municipalityCode"))
                .is(municipalityCode)
                .and(field("status"))
                .in(SIGNED);
        year.ifPresent(y -> criteria.and(field("year")).is(y));
        return views.findAll(AGREEMENTS, criteria, AgreementSnapshot.class);
    }
}
