package se.medborgarloften.platform.messaging.dedupe;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

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

    /** Stores {@code state} as the view of aggregate {@code id} at {@code version}; false when it already had that or a newer one. */
    public boolean apply(String collection, String id, long version, Object state) {
        Query older = query(where("_id").is(id).and(VERSION).lt(version));
        Update replace = new Update().set(VERSION, version).set(STATE, state);
        try {
            mongo.upsert(older, replace, collection);
            return true;
        } catch (DuplicateKeyException alreadyNewer) {
            return false;
        }
    }
}
