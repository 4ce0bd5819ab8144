package se.medborgarloften.platform.messaging.outbox;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/** Hands out the stores of a service's aggregates and remembers their collections, which are the relay's outboxes. */
public class AggregateStores {

    private final MongoTemplate mongo;
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private volatile Runnable onWrite = () -> {};

    public AggregateStores(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public <S> AggregateStore<S> store(String collection, Class<S> stateType) {
        if (collections.add(collection)) {
            mongo.indexOps(collection).createIndex(new Index().on(OutboxRelay.PENDING, Sort.Direction.ASC));
        }
        return new AggregateStore<>(mongo, collection, stateType, () -> onWrite.run());
    }

    List<String> collections() {
        return List.copyOf(collections);
    }

    void onWrite(Runnable listener) {
        this.onWrite = listener;
    }
}
