package se.medborgarloften.reporting.progress.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.medborgarloften.reporting.progress.application.ProgressQueries;
import se.medborgarloften.reporting.progress.application.ProgressReport;

/** Public: every commitment of a municipality's signed agreement for a year, with its progress per period. */
@RestController
class ProgressController {

    private final ProgressQueries queries;

    ProgressController(ProgressQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/progress")
    ProgressReport progress(
            @RequestParam @Pattern(regexp = "\\d{4}", message = "must be a four-digit SCB municipality code")
                    String municipalityCode,
            @RequestParam @Min(2010) @Max(2100) int year) {
        return queries.report(municipalityCode, year);
    }

    @GetMapping(path = "/api/progress/export.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> export(
            @RequestParam @Pattern(regexp = "\\d{4}", message = "must be a four-digit SCB municipality code")
                    String municipalityCode,
            @RequestParam @Min(2010) @Max(2100) int year) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"medborgarloften-" + municipalityCode + "-" + year + ".csv\"")
                .body(ProgressCsv.of(queries.report(municipalityCode, year)));
    }
}
