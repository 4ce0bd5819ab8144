package se.medborgarloften.reporting.situation.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.medborgarloften.contracts.reporting.SituationPicture;
import se.medborgarloften.reporting.situation.application.SituationQueries;

/**
 * Public: the situation picture of a municipality, or of one of its areas, for a window (the current calendar year in
 * Stockholm time unless {@code from} and {@code to} name one, see {@link WindowParameters}), with the trend against
 * the window before it. Aggregates only: no feedback text, small counts withheld.
 */
@RestController
class SituationController {

    private final SituationQueries queries;

    SituationController(SituationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/situation/{municipalityCode}")
    SituationPicture picture(
            @PathVariable @Pattern(regexp = "\\d{4}", message = "must be a four-digit SCB municipality code")
                    String municipalityCode,
            @RequestParam Optional<String> from,
            @RequestParam Optional<String> to,
            @RequestParam(required = false) @Size(min = 1, max = 200) String area) {
        var window = WindowParameters.window(from, to).orElseGet(queries::currentYear);
        return queries.picture(municipalityCode, Optional.ofNullable(area), window);
    }
}
