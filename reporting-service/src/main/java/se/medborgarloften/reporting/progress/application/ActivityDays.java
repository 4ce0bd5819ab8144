package se.medborgarloften.reporting.progress.application;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.medborgarloften.platform.messaging.mongo.BulkWrites;
import se.medborgarloften.reporting.progress.domain.ActivityFacet;
import se.medborgarloften.reporting.progress.domain.DayCount;
import se.medborgarloften.reporting.progress.domain.ProgressWindow;
import se.medborgarloften.reporting.progress.domain.StockholmPeriods;
import se.medborgarloften.reporting.progress.domain.Tally;

/**
 * The activities counted per municipality, type and Stockholm day: one document a day, holding each counted
 * activity as a member (the version it was counted from) and the sums per facet. What a member added is known from
 * the views, which hold the state of exactly that version, so the day keeps no more than the version: a day of a busy
 * history stays small. A period's figures are the sums of its
 * days, so an event costs a few single-document updates however long the history is.
 *
 * <p>Every change is one atomic update of one day, guarded by the member it expects: an activity is added to a day
 * only while absent there, changed or removed only while the day holds exactly the version it was counted from. A
 * redelivered event, or one replayed after a crash between two days' updates, therefore matches nothing where it was
 * already applied and completes what was not; the sums never count an activity twice or lose one.
 */
@Component
public class ActivityDays {

    static final String COLLECTION = "activity_days";
    private static final String MEMBERS = "members";
    private static final String FACETS = "facets";

    private final MongoTemplate mongo;

    public ActivityDays(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Moves each activity's count from where its previous state counted to where its new state counts, all in one
     * round trip: every update guards itself, so they need no order among them.
     */
    public void moveAll(List<Move> moves) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        int updates = 0;
        for (Move move : moves) {
            Optional<DayCount> before = move.before();
            Optional<DayCount> after = move.after();
            if (before.isPresent()
                    && after.isPresent()
                    && before.get().dayId().equals(after.get().dayId())) {
                bulk.updateOne(countedAt(before.get()), replacement(before.get(), after.get()));
                updates++;
                continue;
            }
            if (before.isPresent()) {
                bulk.updateOne(countedAt(before.get()), removal(before.get()));
                updates++;
            }
            if (after.isPresent()) {
                bulk.upsert(absentFrom(after.get()), addition(after.get()));
                updates++;
            }
        }
        if (updates == 0) {
            return;
        }
        // An addition whose day already holds the activity is refused: it was applied before a redelivery.
        BulkWrites.executeRefusingDuplicates(bulk);
    }

    /** The sums of the days in {@code window} over the facets that {@code counts}. */
    public Tally tally(
            String municipalityCode, String activityType, ProgressWindow window, Predicate<ActivityFacet> counts) {
        List<String> days = new ArrayList<>();
        LocalDate end = window.end().atZone(StockholmPeriods.ZONE).toLocalDate();
        for (LocalDate day = window.start().atZone(StockholmPeriods.ZONE).toLocalDate();
                day.isBefore(end);
                day = day.plusDays(1)) {
            days.add(DayCount.dayId(municipalityCode, activityType, day));
        }
        Query inWindow = query(where("_id").in(days));
        inWindow.fields().include(FACETS);
        Tally tally = Tally.NONE;
        for (Document day : mongo.find(inWindow, Document.class, COLLECTION)) {
            Document facets = day.get(FACETS, Document.class);
            if (facets == null) {
                continue;
            }
            for (Object value : facets.values()) {
                Document facet = (Document) value;
                if (counts.test(new ActivityFacet(
                        facet.getString("area"), facet.getBoolean("targeted"), facet.getString("kind")))) {
                    tally = tally.plus(new Tally(
                            number(facet, "done"), number(facet, "vehiclesChecked"), number(facet, "violations")));
                }
            }
        }
        return tally;
    }

    private static Update addition(DayCount count) {
        Update update = new Update().set(member(count), count.version());
        Sums sums = new Sums();
        sums.add(count, 1);
        sums.into(update);
        return update;
    }

    private static Update removal(DayCount count) {
        Update update = new Update().unset(member(count));
        Sums sums = new Sums();
        sums.add(count, -1);
        sums.into(update);
        return update;
    }

    private static Update replacement(DayCount before, DayCount after) {
        Update update = new Update().set(member(after), after.version());
        Sums sums = new Sums();
        sums.add(before, -1);
        sums.add(after, 1);
        sums.into(update);
        return update;
    }

    /** The day of {@code count} while it does not hold the activity, created when missing. */
    private static Query absentFrom(DayCount count) {
        return query(where("_id").is(count.dayId()).and(member(count)).exists(false));
    }

    /** The day of {@code count} while it holds the activity at exactly that version. */
    private static Query countedAt(DayCount count) {
        return query(where("_id").is(count.dayId()).and(member(count)).is(count.version()));
    }

    private static String member(DayCount count) {
        return MEMBERS + "." + count.memberKey();
    }

    private static long number(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number number ? number.longValue() : 0;
    }

    /** The increments of one update, per facet; one facet may be both left and entered by a correction. */
    private static final class Sums {

        private final Map<String, long[]> byFacet = new LinkedHashMap<>();
        private final Map<String, ActivityFacet> facets = new LinkedHashMap<>();

        void add(DayCount count, int sign) {
            String key = count.facet().key();
            facets.put(key, count.facet());
            long[] sums = byFacet.computeIfAbsent(key, k -> new long[3]);
            sums[0] += sign;
            sums[1] += sign * count.vehiclesChecked();
            sums[2] += sign * count.violations();
        }

        void into(Update update) {
            byFacet.forEach((key, sums) -> {
                String path = FACETS + "." + key;
                ActivityFacet facet = facets.get(key);
                update.set(path + ".area", facet.area())
                        .set(path + ".targeted", facet.targeted())
                        .set(path + ".kind", facet.kind())
                        .inc(path + ".done", sums[0])
                        .inc(path + ".vehiclesChecked", sums[1])
                        .inc(path + ".violations", sums[2]);
            });
        }
    }

    /**
     * One activity's change of count.
     *
     * @param before the count of the state the views last held; empty when unknown or cancelled
     * @param after the count of the new state; empty when cancelled
     */
    public record Move(Optional<DayCount> before, Optional<DayCount> after) {}
}
