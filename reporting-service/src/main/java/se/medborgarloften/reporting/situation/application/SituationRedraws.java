package se.medborgarloften.reporting.situation.application;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The municipalities whose published pictures wait to be redrawn, one document each in {@value #COLLECTION}: the
 * areas events touched, whether every area is to be drawn, and the id of the latest mark. Marking is one upsert, so a
 * consumer can afford it on every event; the store keeps the marks, so what a crash left undrawn is drawn after the
 * restart.
 *
 * <p>A drawn mark is removed only while its latest mark id is still the one read before drawing: a mark made during
 * the draw survives to be drawn again. The id is new on every mark, unlike a counter, which would start again at 1
 * when a mark is removed and made anew (by another drawer, or a rebuild clearing the collection) and so could be
 * taken for the mark that was drawn.
 */
@Component
public class SituationRedraws {

    static final String COLLECTION = "situation_redraws";

    private static final String AREAS = "areas";
    private static final String EVERY_AREA = "everyArea";
    private static final String LATEST_MARK = "latestMark";

    private final MongoTemplate mongo;
    private final List<Runnable> onMark = new CopyOnWriteArrayList<>();

    public SituationRedraws(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Runs {@code listener} after every mark, so the drawer need not wait for its timer. */
    void onMark(Runnable listener) {
        onMark.add(listener);
    }

    /** Marks the municipality's own picture and those of {@code areas}. */
    void mark(String municipalityCode, Collection<String> areas) {
        upsert(municipalityCode, new Update().addToSet(AREAS).each(areas.toArray()));
    }

    /** Marks every picture of the municipality: those published and those of every area with something to show. */
    void markEveryArea(String municipalityCode) {
        upsert(municipalityCode, new Update().set(EVERY_AREA, true));
    }

    /** Every mark, as it is now. */
    List<Redraw> pending() {
        return mongo.findAll(Document.class, COLLECTION).stream()
                .map(SituationRedraws::redraw)
                .toList();
    }

    /** Removes the mark once {@code drawn} is done, unless it was marked again since it was read. */
    void done(Redraw drawn) {
        mongo.remove(
                query(where("_id").is(drawn.municipalityCode()).and(LATEST_MARK).is(drawn.latestMark())), COLLECTION);
    }

    private void upsert(String municipalityCode, Update update) {
        mongo.upsert(query(where("_id").is(municipalityCode)), update.set(LATEST_MARK, new ObjectId()), COLLECTION);
        onMark.forEach(Runnable::run);
    }

    private static Redraw redraw(Document mark) {
        List<String> areas = mark.getList(AREAS, String.class, List.of());
        return new Redraw(
                mark.getString("_id"),
                new TreeSet<>(areas),
                mark.getBoolean(EVERY_AREA, false),
                mark.getObjectId(LATEST_MARK));
    }

    /** One municipality's mark as read: what to draw, and which mark it answers. */
    record Redraw(String municipalityCode, Set<String> areas, boolean everyArea, ObjectId latestMark) {}
}
