package se.medborgarloften.reporting.situation.application;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import se.medborgarloften.contracts.reporting.SituationPicture;
import se.medborgarloften.reporting.situation.application.SituationRedraws.Redraw;
import se.medborgarloften.reporting.situation.domain.SituationFacts;
import se.medborgarloften.reporting.situation.domain.SituationPictures;
import se.medborgarloften.reporting.situation.domain.SituationWindow;

/**
 * Draws the published pictures that {@link SituationRedraws} holds marked, on one background thread, so the consumers
 * only store views and mark. Drawing a municipality reads all it has this year; however many events mark it while it
 * is drawn, it is drawn once more after them, not once per event.
 *
 * <p>Woken at once by every mark, and on a timer for the marks a crash left behind; its first round, at start, draws
 * those. Each picture is redrawn in full from the views of the current year, so when and how often it is drawn never
 * changes what it shows.
 */
@Component
public class SituationRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SituationRefresher.class);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final SituationRedraws redraws;
    private final SituationViews views;
    private final SituationBook book;
    private final Clock clock;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Thread worker;

    public SituationRefresher(SituationRedraws redraws, SituationViews views, SituationBook book, Clock clock) {
        this.redraws = redraws;
        this.views = views;
        this.book = book;
        this.clock = clock;
        redraws.onMark(this::nudge);
    }

    /**
     * Draws every municipality marked now and removes its mark unless it was marked again meanwhile. Safe beside the
     * background thread: the book guards every picture by its version, and a mark made after either read it stays.
     */
    public void drawMarked() {
        for (Redraw redraw : redraws.pending()) {
            draw(redraw);
            redraws.done(redraw);
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "situation-refresher");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread running = worker;
        worker = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(TICK.multipliedBy(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    private void nudge() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    private void run() {
        while (worker != null) {
            try {
                drawMarked();
                wakeUp.tryAcquire(TICK.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The marks stay in the store; waiting a tick keeps a failing store from being asked on every event.
                log.warn("Situation pictures not redrawn, trying again in {}: {}", TICK, e.getMessage());
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private void draw(Redraw redraw) {
        SituationWindow window = SituationWindow.yearOf(clock.instant());
        String municipalityCode = redraw.municipalityCode();
        Set<String> areas = new TreeSet<>(redraw.areas());
        if (redraw.everyArea()) {
            areas.addAll(book.publishedAreas(municipalityCode));
            areas.addAll(views.facts(municipalityCode, window).areas(window));
        }
        Map<String, Optional<String>> scopes = new LinkedHashMap<>();
        scopes.put(SituationPicture.key(municipalityCode, null), Optional.empty());
        areas.forEach(area -> scopes.put(SituationPicture.key(municipalityCode, area), Optional.of(area)));
        book.record(scopes.keySet(), keys -> draw(municipalityCode, window, keys, scopes));
    }

    private Map<String, SituationPicture> draw(
            String municipalityCode,
            SituationWindow window,
            Collection<String> keys,
            Map<String, Optional<String>> scopes) {
        SituationFacts facts = views.facts(municipalityCode, window);
        Map<String, SituationPicture> pictures = new LinkedHashMap<>();
        keys.forEach(key -> pictures.put(key, SituationPictures.of(facts, scopes.get(key), window, clock.instant())));
        return pictures;
    }

    private static boolean pause() {
        try {
            Thread.sleep(TICK.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
