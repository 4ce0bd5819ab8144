package se.medborgarloften.platform.messaging.dedupe;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import se.medborgarloften.platform.messaging.mongo.BulkWrites;

/**
 * The one way consumers deduplicate: a view document keeps the aggregate version it was built from, and an event is
 * applied in one conditional upsert that matches only while the stored version is older. A redelivered, replayed or
 * out-of-date event matches nothing; the upsert then tries to insert the same id and the unique {@code _id} refuses
 * it. No read-then-write race, no separate "processed" table to keep in step.
 */
public class LatestVersionWins {

    public static final String VERSION = "version";
    public static final String STATE = "state";

    private final MongoTemplate mongo;

    public LatestVersionWins(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The stored name of a view field, for queries: {@code field("municipalityCode")}. */
    public static String field(String stateField) {
        return STATE + "." + stateField;
    }

    /** The state of one view, as last applied. */
    public <T> Optional<T> find(String collection, String id, Class<T> stateType) {
        return Optional.ofNullable(mongo.findById(id, Document.class, collection))
                .map(view -> stateOf(view, stateType));
    }

    /** The states of every view matching {@code criteria}, whose field names come from {@link #field(String)}. */
    public <T> List<T> findAll(String collection, Criteria criteria, Class<T> stateType) {
        return mongo.find(query(criteria), Document.class, collection).stream()
                .map(view -> stateOf(view, stateType))
                .toList();
    }

    /** The states of the views of {@code ids} that exist, by id: one read for a batch of events. */
    public <T> Map<String, T> findAll(String collection, Collection<String> ids, Class<T> stateType) {
        Map<String, T> found = new HashMap<>();
        mongo.find(query(where("_id").in(ids)), Document.class, collection)
                .forEach(view -> found.put(view.getString("_id"), stateOf(view, stateType)));
        return found;
    }

    /** Stores {@code state} as the view of aggregate {@code id} at {@code version}; false when it already had that or a newer one. */
    public boolean apply(String collection, String id, long version, Object state) {
        try {
            mongo.upsert(newerThanStored(id, version), replacement(version, state), collection);
            return true;
        } catch (DuplicateKeyException alreadyNewer) {
            return false;
        }
    }

    /**
     * Applies every change of a batch in one round trip, each as its own conditional upsert exactly like {@link
     * #apply}; those whose view already had that or a newer version are left as they are.
     *
     * @return the ids whose view was stored
     */
    public Set<String> applyAll(String collection, List<Change> changes) {
        Set<String> stored = new HashSet<>();
        changes.forEach(change -> stored.add(change.id()));
        if (changes.isEmpty()) {
            return stored;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        changes.forEach(change -> bulk.upsert(
                newerThanStored(change.id(), change.version()), replacement(change.version(), change.state())));
        BulkWrites.executeRefusingDuplicates(bulk)
                .forEach(index -> stored.remove(changes.get(index).id()));
        return stored;
    }

    private static Query newerThanStored(String id, long version) {
        return query(where("_id").is(id).and(VERSION).lt(version));
    }

    private static Update replacement(long version, Object state) {
        return new Update().set(VERSION, version).set(STATE, state);
    }

    /** One view's new state, from the event of {@code version} of aggregate {@code id}. */
    public record Change(String id, long version, Object state) {}

    private <T> T stateOf(Document view, Class<T> stateType) {
        return mongo.getConverter().read(stateType, view.get(STATE, Document.class));
    }
}
