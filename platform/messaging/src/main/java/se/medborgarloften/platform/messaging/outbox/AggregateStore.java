package se.medborgarloften.platform.messaging.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import se.medborgarloften.platform.messaging.mongo.BulkWrites;

/**
 * Loads and writes one kind of aggregate. Every write is a single-document update guarded by the version the caller
 * loaded (optimistic locking), and appends the change's event to the document's outbox in the same update.
 */
public class AggregateStore<S> {

    private final MongoTemplate mongo;
    private final String collection;
    private final Class<S> stateType;
    private final Consumer<OutboxWrite> afterWrite;

    AggregateStore(MongoTemplate mongo, String collection, Class<S> stateType, Consumer<OutboxWrite> afterWrite) {
        this.mongo = mongo;
        this.collection = collection;
        this.stateType = stateType;
        this.afterWrite = afterWrite;
    }

    public String collection() {
        return collection;
    }

    public Optional<Versioned<S>> find(String id) {
        return Optional.ofNullable(mongo.findById(id, AggregateDocument.class, collection))
                .map(this::versioned);
    }

    /** The stored name of a state field, for criteria: {@code field("municipalityCode")}. */
    public static String field(String stateField) {
        return AggregateDocument.STATE + "." + stateField;
    }

    /** States matching {@code criteria}, whose field names come from {@link #field(String)}. */
    public List<S> findAll(Criteria criteria, Pageable page) {
        Query query = query(criteria).with(page);
        return mongo.find(query, AggregateDocument.class, collection).stream()
                .map(document -> stateType.cast(document.state()))
                .toList();
    }

    public long count(Criteria criteria) {
        return mongo.count(query(criteria), collection);
    }

    /** Stores a new aggregate at version 1 with its first event; a duplicate id throws DuplicateKeyException. */
    public void create(String id, S state, OutboxMessage event) {
        mongo.insert(new AggregateDocument<>(id, 1, state, List.of(event)), collection);
        afterWrite.accept(new OutboxWrite(collection, id));
    }

    /**
     * Stores new aggregates at version 1 with their first events, in one round trip; ids must be distinct.
     *
     * @return the ids that were already stored, whose aggregates were not created
     */
    public Set<String> createAll(List<NewAggregate<S>> aggregates) {
        if (aggregates.isEmpty()) {
            return Set.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        aggregates.forEach(aggregate ->
                bulk.insert(new AggregateDocument<>(aggregate.id(), 1, aggregate.state(), List.of(aggregate.event()))));
        Set<String> existing = new HashSet<>();
        BulkWrites.executeRefusingDuplicates(bulk)
                .forEach(index -> existing.add(aggregates.get(index).id()));
        aggregates.stream()
                .filter(aggregate -> !existing.contains(aggregate.id()))
                .forEach(aggregate -> afterWrite.accept(new OutboxWrite(collection, aggregate.id())));
        return existing;
    }

    /**
     * Stores the changed state at {@code loaded.nextVersion()} and appends its event, only if nobody wrote the
     * aggregate since it was loaded.
     */
    public void update(String id, Versioned<S> loaded, S state, OutboxMessage event) {
        Query unchangedSinceLoad =
                query(where("_id").is(id).and(AggregateDocument.VERSION).is(loaded.version()));
        Update change = new Update()
                .set(AggregateDocument.STATE, state)
                .set(AggregateDocument.VERSION, loaded.nextVersion())
                .push(AggregateDocument.OUTBOX, event);
        if (mongo.updateFirst(unchangedSinceLoad, change, collection).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException(
                    "%s %s was changed by someone else since version %d".formatted(collection, id, loaded.version()));
        }
        afterWrite.accept(new OutboxWrite(collection, id));
    }

    /** An aggregate to create: its id, its first state and the event that tells of it. */
    public record NewAggregate<S>(String id, S state, OutboxMessage event) {}

    private Versioned<S> versioned(AggregateDocument<?> document) {
        return new Versioned<>(stateType.cast(document.state()), document.version());
    }
}
