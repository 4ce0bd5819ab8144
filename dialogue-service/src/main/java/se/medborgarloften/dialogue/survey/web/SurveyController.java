package se.medborgarloften.dialogue.survey.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.medborgarloften.dialogue.survey.application.SurveyService;
import se.medborgarloften.dialogue.survey.domain.Survey;
import se.medborgarloften.platform.messaging.outbox.Versioned;
import se.medborgarloften.platform.web.InvalidFieldException;
import se.medborgarloften.platform.web.security.Caller;

/** The survey import of SPEC.md: a CSV of {@code area,indicator,value} per municipality and year, answered by a report. */
@RestController
@RequestMapping("/api/surveys/{municipalityCode}/{year}")
class SurveyController {

    static final String TEXT_CSV = "text/csv";
    static final int MAX_BYTES = 2 * 1024 * 1024;

    private final SurveyService service;

    SurveyController(SurveyService service) {
        this.service = service;
    }

    /** Stores the accepted rows as one change (nothing when none is accepted) and reports the rejected ones. */
    @PostMapping(consumes = TEXT_CSV)
    ResponseEntity<ImportReport> importCsv(
            @PathVariable @Pattern(regexp = "\\d{4}", message = "must be a four-digit SCB municipality code")
                    String municipalityCode,
            @PathVariable @Min(Survey.EARLIEST_YEAR) @Max(Survey.LATEST_YEAR) int year,
            @RequestHeader("Content-Type") String contentType,
            InputStream body,
            Caller caller)
            throws IOException {
        caller.requireActsFor(municipalityCode);
        SurveyCsv.Result rows = SurveyCsv.read(text(body, contentType));
        if (rows.accepted().isEmpty()) {
            return ResponseEntity.ok(new ImportReport(municipalityCode, year, 0, rows.rejected(), null));
        }
        Versioned<Survey> imported = service.importValues(municipalityCode, year, rows.accepted());
        return ResponseEntity.ok()
                .eTag("\"" + imported.version() + "\"")
                .body(new ImportReport(
                        municipalityCode, year, rows.accepted().size(), rows.rejected(), imported.version()));
    }

    @GetMapping
    ResponseEntity<SurveyResponse> get(
            @PathVariable @Pattern(regexp = "\\d{4}", message = "must be a four-digit SCB municipality code")
                    String municipalityCode,
            @PathVariable @Min(Survey.EARLIEST_YEAR) @Max(Survey.LATEST_YEAR) int year,
            Caller caller) {
        caller.requireActsFor(municipalityCode);
        Versioned<Survey> survey = service.get(municipalityCode, year);
        return ResponseEntity.ok().eTag("\"" + survey.version() + "\"").body(SurveyResponse.of(survey));
    }

    /** The body in the charset its Content-Type names, UTF-8 when it names none; never silently garbled. */
    private static String text(InputStream body, String contentType) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new InvalidFieldException(
                    "body", "is larger than " + MAX_BYTES / (1024 * 1024) + " MB: split the import by area");
        }
        Charset charset = charsetOf(contentType);
        try {
            return charset.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidFieldException(
                    "body", "is not " + charset.name() + " text: send UTF-8 or name the charset in Content-Type");
        }
    }

    private static Charset charsetOf(String contentType) {
        try {
            Charset named = MediaType.parseMediaType(contentType).getCharset();
            return named == null ? StandardCharsets.UTF_8 : named;
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("Content-Type", "names a charset this service does not know");
        }
    }
}
