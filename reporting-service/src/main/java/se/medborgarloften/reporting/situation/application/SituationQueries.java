package se.medborgarloften.reporting.situation.application;

import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import se.medborgarloften.contracts.reporting.SituationPicture;
import se.medborgarloften.reporting.situation.domain.SituationPictures;
import se.medborgarloften.reporting.situation.domain.SituationWindow;

/** Draws a situation picture for any window the API is asked for, from the same views as the published ones. */
@Service
public class SituationQueries {

    private final SituationViews views;
    private final Clock clock;

    public SituationQueries(SituationViews views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    /** The current calendar year in Stockholm time, the window asked for when none is named. */
    public SituationWindow currentYear() {
        return SituationWindow.yearOf(clock.instant());
    }

    public SituationPicture picture(String municipalityCode, Optional<String> area, SituationWindow window) {
        return SituationPictures.of(views.facts(municipalityCode, window), area, window, clock.instant());
    }
}
