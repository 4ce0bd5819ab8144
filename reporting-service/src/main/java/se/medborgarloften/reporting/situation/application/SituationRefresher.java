package se.medborgarloften.reporting.situation.application;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import se.medborgarloften.contracts.reporting.SituationPicture;
import se.medborgarloften.platform.messaging.background.WakeableWorker;
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
    private final WakeableWorker worker;

    public SituationRefresher(SituationRedraws redraws, SituationViews views, SituationBook book, Clock clock) {
        this.redraws = redraws;
        this.views = views;
        this.book = book;
        this.clock = clock;
        // The marks stay in the store when a round fails; waiting keeps a failing store from being asked on every
        // event.
        this.worker = new WakeableWorker(
                "situation-refresher",
                this::drawMarked,
                TICK,
                TICK,
                TICK.multipliedBy(5),
                TICK.multipliedBy(5),
                (failure, pause) -> log.warn(
                        "Situation pictures not redrawn, trying again in {}: {}", pause, failure.getMessage()));
        redraws.onMark(worker::wake);
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
}
