package se.medborgarloften.reporting.progress.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import se.medborgarloften.reporting.progress.application.ProgressQueries;
import se.medborgarloften.reporting.progress.application.ProgressReport;

/** Public: every commitment of a municipality's signed agreement for a year, with its progress per period. */
@RestController
class ProgressController {

    private final ProgressQueries queries;
    private final RenderedProgress rendered;

    ProgressController(ProgressQueries queries, RenderedProgress rendered) {
        this.queries = queries;
        this.rendered = rendered;
    }

    /** Sent as rendered once per change ({@link RenderedProgress}); a client holding the same ETag gets 304. */
    @GetMapping(path = "/api/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProgressReport.class)))
    ResponseEntity<byte[]> progress(
            @RequestParam @Pattern(regexp = "\\d{4}", message = "must be a four-digit SCB municipality code")
                    String municipalityCode,
            @RequestParam @Min(2010) @Max(2100) int year,
            WebRequest request) {
        RenderedProgress.Rendering report = rendered.of(municipalityCode, year);
        if (request.checkNotModified(report.etag())) {
            return null;
        }
        return ResponseEntity.ok()
                .eTag(report.etag())
                .contentType(MediaType.APPLICATION_JSON)
                .body(report.body());
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
