package se.medborgarloften.activity.activity.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import se.medborgarloften.activity.activity.domain.Activity;
import se.medborgarloften.activity.activity.domain.ActivityReport;
import se.medborgarloften.activity.activity.domain.InvalidActivityException;
import se.medborgarloften.activity.activity.domain.SafetyWalkDetails.Status;
import se.medborgarloften.activity.activity.events.ActivityEventFactory;
import se.medborgarloften.contracts.activity.ActivityEventTypes;
import se.medborgarloften.platform.messaging.outbox.AggregateStore;
import se.medborgarloften.platform.messaging.outbox.AggregateStores;
import se.medborgarloften.platform.messaging.outbox.Versioned;

/**
 * Every change to an activity: load, apply the domain rule, store the new state with its one event. A repeated report
 * is recognised by its id alone: creating an id that exists fails, and the existing activity decides what it was.
 */
@Service
public class ActivityService {

    private final AggregateStore<Activity> activities;
    private final ActivityEventFactory events;
    private final Clock clock;

    public ActivityService(AggregateStores stores, ActivityEventFactory events, Clock clock) {
        this.activities = stores.store("activities", Activity.class);
        this.events = events;
        this.clock = clock;
    }

    /** A staff report. The same externalId with the same content returns the first result; with other content, 409. */
    public Recorded report(ActivityReport report) {
        Activity activity = Activity.reportedByStaff(report, clock.instant());
        Optional<Versioned<Activity>> created = create(activity);
        if (created.isPresent()) {
            return new Recorded(created.get(), true);
        }
        Versioned<Activity> first = get(activity.id());
        if (!first.state().reports(report)) {
            throw new IllegalStateException("externalId " + report.externalId() + " of municipality "
                    + report.municipalityCode() + " already names a different activity, " + activity.id()
                    + ": correct it with PUT instead");
        }
        return new Recorded(first, false);
    }

    /**
     * Police traffic controls as a batch: the new ones created in one round trip, the rest (repeats and corrections
     * of stored controls, and later records of a control the batch already holds) one by one, in the batch's order,
     * as {@link #receiveFromPolice} does.
     *
     * @return the controls refused for good, with why: e.g. a correction of a control that staff have cancelled
     */
    public Map<PoliceControl, RuntimeException> receiveAllFromPolice(List<PoliceControl> controls) {
        Instant now = clock.instant();
        Map<String, Activity> firsts = new LinkedHashMap<>();
        Map<PoliceControl, Activity> created = new IdentityHashMap<>();
        for (PoliceControl control : controls) {
            Activity activity = Activity.fromPoliceFeed(control.controlId(), control.report(), now);
            if (firsts.putIfAbsent(activity.id(), activity) == null) {
                created.put(control, activity);
            }
        }
        Set<String> existing = activities.createAll(firsts.values().stream()
                .map(activity -> new AggregateStore.NewAggregate<>(
                        activity.id(), activity, events.event(ActivityEventTypes.RECORDED, activity, 1)))
                .toList());
        Map<PoliceControl, RuntimeException> refused = new IdentityHashMap<>();
        for (PoliceControl control : controls) {
            Activity first = created.get(control);
            if (first != null && !existing.contains(first.id())) {
                continue;
            }
            try {
                receiveFromPolice(control.controlId(), control.report());
            } catch (InvalidActivityException | IllegalStateException refusedForGood) {
                refused.put(control, refusedForGood);
            }
        }
        return refused;
    }

    /** A police traffic control: new, an identical repeat (ignored), or a correction of the one with its controlId. */
    private void receiveFromPolice(String controlId, ActivityReport report) {
        Activity activity = Activity.fromPoliceFeed(controlId, report, clock.instant());
        if (create(activity).isPresent()) {
            return;
        }
        Versioned<Activity> existing = get(activity.id());
        if (!existing.state().reports(activity.asReport())) {
            store(existing, ActivityEventTypes.CORRECTED, existing.state().correct(report, clock.instant()));
        }
    }

    public Versioned<Activity> get(String id) {
        return activities.find(id).orElseThrow(() -> new NoSuchElementException("No activity " + id));
    }

    public Page<Activity> list(ActivitySearch search, PageRequest page) {
        Criteria criteria = Criteria.where(field("municipalityCode")).in(search.municipalityCodes());
        search.type().ifPresent(type -> criteria.and(field("type")).is(type.name()));
        search.area().ifPresent(area -> criteria.and(field("area")).is(area));
        if (search.from().isPresent() || search.to().isPresent()) {
            Criteria occurred = criteria.and(field("occurredAt"));
            search.from().ifPresent(from -> occurred.gte(Date.from(from)));
            search.to().ifPresent(to -> occurred.lt(Date.from(to)));
        }
        PageRequest sorted = page.withSort(Sort.by(Sort.Order.desc(field("occurredAt")), Sort.Order.asc("_id")));
        return new PageImpl<>(activities.findAll(criteria, sorted), sorted, activities.count(criteria));
    }

    /** A correction; reporting the activity as it already is changes nothing and publishes nothing. */
    public Versioned<Activity> correct(String id, Optional<Long> ifMatch, ActivityReport report) {
        Versioned<Activity> loaded = load(id, ifMatch);
        if (!loaded.state().cancelled() && loaded.state().reports(report)) {
            return loaded;
        }
        return store(loaded, ActivityEventTypes.CORRECTED, loaded.state().correct(report, clock.instant()));
    }

    public Versioned<Activity> cancel(String id, Optional<Long> ifMatch, String reason) {
        Versioned<Activity> loaded = load(id, ifMatch);
        return store(loaded, ActivityEventTypes.CANCELLED, loaded.state().cancel(reason));
    }

    /** A safety walk's action item followed up; setting the status and reason it already has publishes nothing. */
    public Versioned<Activity> updateFindingAction(
            String id, String findingId, Optional<Long> ifMatch, Status status, String reason) {
        Versioned<Activity> loaded = load(id, ifMatch);
        Activity changed = loaded.state().updateFindingAction(findingId, status, reason);
        if (changed.equals(loaded.state())) {
            return loaded;
        }
        return store(loaded, ActivityEventTypes.FINDING_UPDATED, changed);
    }

    private Optional<Versioned<Activity>> create(Activity activity) {
        try {
            activities.create(activity.id(), activity, events.event(ActivityEventTypes.RECORDED, activity, 1));
            return Optional.of(new Versioned<>(activity, 1));
        } catch (DuplicateKeyException exists) {
            return Optional.empty();
        }
    }

    private Versioned<Activity> load(String id, Optional<Long> ifMatch) {
        Versioned<Activity> loaded = get(id);
        if (ifMatch.isPresent() && ifMatch.get() != loaded.version()) {
            throw new OptimisticLockingFailureException(
                    "Activity " + id + " is at version " + loaded.version() + ", not " + ifMatch.get());
        }
        return loaded;
    }

    private Versioned<Activity> store(Versioned<Activity> loaded, String eventType, Activity changed) {
        long version = loaded.nextVersion();
        activities.update(changed.id(), loaded, changed, events.event(eventType, changed, version));
        return new Versioned<>(changed, version);
    }

    private static String field(String name) {
        return AggregateStore.field(name);
    }
}
