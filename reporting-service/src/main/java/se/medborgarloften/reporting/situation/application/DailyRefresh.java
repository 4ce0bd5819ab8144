package se.medborgarloften.reporting.situation.application;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Marks every published picture for a redraw shortly after midnight, Stockholm time. The published pictures are of
 * the current calendar year, and without an event nothing would move them into the new year; once a day also heals a
 * picture that a lost mark left behind. Unchanged pictures are not written, so a quiet day publishes nothing.
 */
@Configuration
@EnableScheduling
class DailyRefresh {

    private final SituationProjector projector;

    DailyRefresh(SituationProjector projector) {
        this.projector = projector;
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "Europe/Stockholm")
    void redrawPublishedPictures() {
        projector.refreshAll();
    }
}
