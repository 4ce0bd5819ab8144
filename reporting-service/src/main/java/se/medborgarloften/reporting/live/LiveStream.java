package se.medborgarloften.reporting.live;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import se.medborgarloften.reporting.progress.application.ProgressChanged;
import se.medborgarloften.reporting.situation.application.SituationChanged;

/**
 * The server-sent event stream behind {@code GET /api/stream}: every change to a view goes to every open
 * connection as it is stored, so a dashboard updates without reloading.
 */
@Component
public class LiveStream {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
    private static final Duration CONNECTION_LIFETIME = Duration.ofMinutes(30);

    private final List<SseEmitter> listeners = new CopyOnWriteArrayList<>();
    /** Sending happens off the consumer threads, so a slow browser never holds up event processing. */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-stream");
        thread.setDaemon(true);
        return thread;
    });

    /** A new listener; the browser's EventSource reconnects by itself when the connection's lifetime ends. */
    public SseEmitter open() {
        SseEmitter emitter = new SseEmitter(CONNECTION_LIFETIME.toMillis());
        listeners.add(emitter);
        emitter.onCompletion(() -> listeners.remove(emitter));
        emitter.onTimeout(() -> listeners.remove(emitter));
        emitter.onError(error -> listeners.remove(emitter));
        send(emitter, "hello", "{}");
        return emitter;
    }

    @EventListener
    void on(ProgressChanged change) {
        broadcast("progress", change.progress());
    }

    @EventListener
    void on(SituationChanged change) {
        broadcast("situation", change.picture());
    }

    /** Sends one named event to every listener; a listener that has gone away is dropped. */
    private void broadcast(String name, Object data) {
        if (!listeners.isEmpty()) {
            sender.execute(() -> listeners.forEach(emitter -> send(emitter, name, data)));
        }
    }

    /**
     * Ends every open stream as the service begins to stop, before the web server's graceful shutdown, which would
     * otherwise wait its whole grace period on connections that never end by themselves.
     */
    @EventListener(ContextClosedEvent.class)
    void close() {
        sender.shutdownNow();
        listeners.forEach(emitter -> {
            try {
                emitter.complete();
            } catch (IllegalStateException alreadyGone) {
                log.debug("Live-stream listener already gone: {}", alreadyGone.getMessage());
            }
        });
        listeners.clear();
    }

    private void send(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            log.debug("Dropping a live-stream listener: {}", gone.getMessage());
            listeners.remove(emitter);
        }
    }
}
