package se.medborgarloften.platform.messaging.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import se.medborgarloften.platform.messaging.background.WakeableWorker;

/**
 * Sends what the outboxes hold to Kafka, at least once and in order per aggregate, then removes what was sent.
 *
 * <p>One thread, woken at once by every write that added an event. Each write names its document (a hint), and a pass
 * reads just the documents named since the last one, by {@code _id}: the fast path, whose cost does not grow with the
 * history stored. Searching every outbox for events (the sweep) needs the sparse pending index on MongoDB and reads
 * every document on mongo-java-server, which keeps no secondary indexes; so it runs only when an event may exist that
 * no hint names: at start (events left by a crash or written by another instance), after a pass that failed (its
 * hints are spent, its events still in their outboxes), when writes came faster than the relay could remember them,
 * and every {@code sweepInterval} for anything else. Hints make events go out at once; the sweep is what makes sure
 * nothing accepted waits forever.
 *
 * <p>When the broker is unreachable the relay backs off instead of spinning; the events wait in their documents, so
 * nothing accepted is lost. A crash between send and removal sends an event again, which is why every consumer
 * deduplicates.
 *
 * <p>Every batch sent to the broker is one call through the {@value #BROKER_CALLS} circuit breaker and time limiter.
 * Once the broker has failed a few batches in a row the breaker opens, and the relay leaves the broker alone until the
 * breaker lets a trial batch through; its state is in {@code /actuator/health} and {@code /actuator/circuitbreakers}.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String PENDING = AggregateDocument.OUTBOX + ".messageId";

    /**
     * Far more writes than a pass takes while the broker is healthy; a relay this far behind is better served by one
     * sweep than by remembering every write.
     */
    private static final int HINT_CAPACITY = 10_000;

    /** The name of the relay's circuit breaker and time limiter in the Resilience4j registries. */
    public static final String BROKER_CALLS = "outbox-relay";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final AggregateStores stores;
    private final OutboxSettings settings;
    private final CircuitBreaker breaker;
    private final TimeLimiter timeLimiter;
    private final OutboxHints hints = new OutboxHints(HINT_CAPACITY);
    private final WakeableWorker worker;

    // Only the worker thread touches these, so they need no synchronisation.
    private boolean sweepDue = true;
    private long lastSweepNanos = System.nanoTime();

    /** A relay with Resilience4j's default breaker and a time limit of {@code settings.sendTimeout()}. */
    public OutboxRelay(
            MongoTemplate mongo, KafkaTemplate<String, String> kafka, AggregateStores stores, OutboxSettings settings) {
        this(
                mongo,
                kafka,
                stores,
                settings,
                CircuitBreaker.ofDefaults(BROKER_CALLS),
                TimeLimiter.of(
                        BROKER_CALLS,
                        TimeLimiterConfig.custom()
                                .timeoutDuration(settings.sendTimeout())
                                .build()));
    }

    public OutboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, String> kafka,
            AggregateStores stores,
            OutboxSettings settings,
            CircuitBreaker breaker,
            TimeLimiter timeLimiter) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.stores = stores;
        this.settings = settings;
        this.breaker = breaker;
        this.timeLimiter = timeLimiter;
        breaker.getEventPublisher()
                .onStateTransition(event ->
                        log.info("Outbox relay circuit breaker {}: {}", BROKER_CALLS, event.getStateTransition()));
        this.worker = new WakeableWorker(
                "outbox-relay",
                this::relayAll,
                settings.pollInterval(),
                settings.minBackoff(),
                settings.maxBackoff(),
                settings.sendTimeout(),
                this::logFailure);
        stores.onWrite(this::written);
    }

    /** Remembers the document before waking the relay, so the pass the wake-up starts finds it. */
    private void written(OutboxWrite write) {
        hints.add(write);
        worker.wake();
    }

    /**
     * Events written but not yet acknowledged by the broker, across every outbox of this service. A count over every
     * outbox, for the {@code outbox.backlog} gauge and tests; the relay itself never asks.
     */
    public long backlog() {
        return stores.collections().stream()
                .mapToLong(collection -> mongo.count(query(where(PENDING).exists(true)), collection))
                .sum();
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }

    /** An open breaker is the expected state of an outage, already reported when it opened; not worth a warning. */
    private void logFailure(RuntimeException e, Duration backoff) {
        if (e instanceof CallNotPermittedException) {
            log.debug(
                    "Outbox relay waits {} for the broker: circuit breaker {} is {}",
                    backoff,
                    BROKER_CALLS,
                    breaker.getState());
        } else {
            log.warn("Outbox relay could not send, retrying in {}: {}", backoff, e.getMessage());
        }
    }

    /** Relays the documents written since the last pass, or every outbox when a sweep is due. */
    void relayAll() throws InterruptedException {
        OutboxHints.Drained written = hints.drain();
        boolean sweep = sweepDue || !written.complete() || sweepIntervalPassed();
        // Stays set if this pass throws: its hints are spent, and their events still in their outboxes.
        sweepDue = true;
        if (sweep) {
            lastSweepNanos = System.nanoTime();
            sweepAll();
        } else {
            relayWritten(written.idsByCollection());
        }
        sweepDue = false;
    }

    private boolean sweepIntervalPassed() {
        return System.nanoTime() - lastSweepNanos >= settings.sweepInterval().toNanos();
    }

    private void relayWritten(Map<String, List<String>> idsByCollection) throws InterruptedException {
        int batchSize = settings.batchSize();
        for (Map.Entry<String, List<String>> outbox : idsByCollection.entrySet()) {
            List<String> ids = outbox.getValue();
            for (int from = 0; from < ids.size(); from += batchSize) {
                relayDocuments(outbox.getKey(), ids.subList(from, Math.min(ids.size(), from + batchSize)));
            }
        }
    }

    /**
     * By {@code _id} alone: mongo-java-server answers from an index only a query on exactly the index's keys, so adding
     * the outbox condition would read the whole collection. A document an earlier pass already emptied is skipped here.
     */
    private void relayDocuments(String collection, List<String> ids) throws InterruptedException {
        var written = query(where("_id").in(ids));
        written.fields().include(AggregateDocument.OUTBOX);
        List<Document> documents = mongo.find(written, Document.class, collection).stream()
                .filter(OutboxRelay::hasEvents)
                .toList();
        relay(collection, documents);
    }

    private static boolean hasEvents(Document document) {
        List<Document> outbox = document.getList(AggregateDocument.OUTBOX, Document.class);
        return outbox != null && !outbox.isEmpty();
    }

    /**
     * Relays every outbox that holds events, reading each collection once: the sweep is a full scan on a store without
     * an index on the outbox (mongo-java-server), so it reads on through one cursor rather than starting a new scan for
     * every batch of documents it relays.
     */
    private void sweepAll() throws InterruptedException {
        for (String collection : stores.collections()) {
            var pending = query(where(PENDING).exists(true)).cursorBatchSize(settings.batchSize());
            pending.fields().include(AggregateDocument.OUTBOX);
            try (Stream<Document> documents = mongo.stream(pending, Document.class, collection)) {
                List<Document> batch = new ArrayList<>(settings.batchSize());
                for (Document document : (Iterable<Document>) documents::iterator) {
                    batch.add(document);
                    if (batch.size() == settings.batchSize()) {
                        relay(collection, batch);
                        batch = new ArrayList<>(settings.batchSize());
                    }
                }
                relay(collection, batch);
            }
        }
    }

    private void relay(String collection, List<Document> documents) throws InterruptedException {
        if (documents.isEmpty()) {
            return;
        }
        // One round trip removes what the broker acknowledged from every document of the batch.
        BulkOperations sent = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (SentBatch batch : sendAcknowledged(documents)) {
            sent.updateOne(
                    query(where("_id").is(batch.documentId())),
                    new Update()
                            .pull(
                                    AggregateDocument.OUTBOX,
                                    new Document("messageId", new Document("$in", batch.messageIds()))));
        }
        sent.execute();
    }

    /**
     * Sends every event of {@code documents} and waits for all acknowledgements, as one call through the breaker and
     * the time limit. The store is only touched outside it, so a slow store never opens the broker's breaker.
     */
    private List<SentBatch> sendAcknowledged(List<Document> documents) throws InterruptedException {
        try {
            return breaker.executeCallable(() -> {
                List<SentBatch> sent = new ArrayList<>();
                List<CompletableFuture<?>> acks = new ArrayList<>();
                for (Document document : documents) {
                    SentBatch batch = send(document);
                    sent.add(batch);
                    acks.addAll(batch.acks());
                }
                timeLimiter.executeFutureSupplier(
                        () -> CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)));
                return sent;
            });
        } catch (CallNotPermittedException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new OutboxSendException(
                    "Kafka did not acknowledge the outbox of %d documents".formatted(documents.size()), e);
        }
    }

    private SentBatch send(Document document) {
        List<String> messageIds = new ArrayList<>();
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (Document message : document.getList(AggregateDocument.OUTBOX, Document.class)) {
            messageIds.add(message.getString("messageId"));
            acks.add(kafka.send(toRecord(message)));
        }
        return new SentBatch(document.get("_id"), messageIds, acks);
    }

    private static ProducerRecord<String, String> toRecord(Document message) {
        var record = new ProducerRecord<>(
                message.getString("topic"), message.getString("key"), message.getString("payload"));
        Document headers = message.get("headers", Document.class);
        if (headers != null) {
            headers.forEach((name, value) -> record.headers()
                    .add(new RecordHeader(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8))));
        }
        return record;
    }

    private record SentBatch(Object documentId, List<String> messageIds, List<CompletableFuture<?>> acks) {}
}
