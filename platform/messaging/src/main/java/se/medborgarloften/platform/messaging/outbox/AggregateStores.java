package se.medborgarloften.platform.messaging.outbox;

import com.mongodb.MongoCommandException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;

/** Hands out the stores of a service's aggregates and remembers their collections, which are the relay's outboxes. */
public class AggregateStores {

    static final String PENDING_INDEX = "outbox-pending";
    private static final int INDEX_NOT_FOUND = 27;

    private final MongoTemplate mongo;
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private volatile Consumer<OutboxWrite> onWrite = write -> {};

    public AggregateStores(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public <S> AggregateStore<S> store(String collection, Class<S> stateType) {
        if (collections.add(collection)) {
            indexPendingEvents(collection);
        }
        return new AggregateStore<>(mongo, collection, stateType, write -> onWrite.accept(write));
    }

    List<String> collections() {
        return List.copyOf(collections);
    }

    void onWrite(Consumer<OutboxWrite> listener) {
        this.onWrite = listener;
    }

    /**
     * The relay's sweep asks for documents with events; a sparse index holds only those, so the sweep reads a few
     * entries instead of one per aggregate ever stored. It has its own name because earlier versions created a
     * non-sparse index on the same key under the default one; that index is dropped once the sparse one exists.
     * (mongo-java-server keeps no secondary indexes and only logs that it ignores them.)
     */
    private void indexPendingEvents(String collection) {
        IndexOperations indexes = mongo.indexOps(collection);
        indexes.createIndex(
                new Index().on(OutboxRelay.PENDING, Sort.Direction.ASC).sparse().named(PENDING_INDEX));
        indexes.getIndexInfo().stream()
                .filter(index -> index.isIndexForFields(List.of(OutboxRelay.PENDING)) && !index.isSparse())
                .forEach(index -> dropUnlessGone(collection, index.getName()));
    }

    /** Instances starting together may each find the old index; only one of them can drop it. */
    private void dropUnlessGone(String collection, String index) {
        try {
            mongo.getCollection(collection).dropIndex(index);
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != INDEX_NOT_FOUND) {
                throw e;
            }
        }
    }
}
