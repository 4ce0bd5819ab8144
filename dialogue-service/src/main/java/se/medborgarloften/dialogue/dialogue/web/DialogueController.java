package se.medborgarloften.dialogue.dialogue.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.medborgarloften.dialogue.dialogue.application.DialogueService;
import se.medborgarloften.dialogue.dialogue.domain.Dialogue;
import se.medborgarloften.dialogue.dialogue.domain.Feedback;
import se.medborgarloften.platform.messaging.outbox.Versioned;
import se.medborgarloften.platform.web.ETags;
import se.medborgarloften.platform.web.InvalidFieldException;
import se.medborgarloften.platform.web.PlausibleDates;
import se.medborgarloften.platform.web.security.Caller;

/** The dialogue API of SPEC.md: record a dialogue, then raise, route, link and retract its feedback. */
@RestController
@RequestMapping("/api/dialogues")
class DialogueController {

    private final DialogueService service;

    DialogueController(DialogueService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<DialogueResponse> record(@Valid @RequestBody DialogueRequest request, Caller caller) {
        caller.requireActsFor(request.municipalityCode());
        Versioned<Dialogue> recorded = service.record(request.toDraft());
        return ResponseEntity.created(
                        URI.create("/api/dialogues/" + recorded.state().id()))
                .eTag(ETags.of(recorded.version()))
                .body(DialogueResponse.of(recorded));
    }

    /** Dialogues held in [from, to) (ISO-8601 instants with offset), latest first. */
    @GetMapping
    PagedModel<DialogueSummary> list(
            @RequestParam
                    Optional<@Pattern(regexp = "\\d{4}", message = "must be a four-digit SCB municipality code") String>
                            municipalityCode,
            @RequestParam Optional<String> area,
            @RequestParam Optional<String> from,
            @RequestParam Optional<String> to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            Caller caller) {
        Optional<Instant> start = from.map(text -> instant("from", text));
        Optional<Instant> end = to.map(text -> instant("to", text));
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        return new PagedModel<>(service.list(
                        caller.visibleMunicipalities(municipalityCode), area, start, end, PageRequest.of(page, size))
                .map(DialogueSummary::of));
    }

    @GetMapping("/{id}")
    ResponseEntity<DialogueResponse> get(@PathVariable String id, Caller caller) {
        return respond(visible(id, caller));
    }

    @PostMapping("/{id}/feedback")
    ResponseEntity<DialogueResponse> submitFeedback(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody FeedbackRequest request,
            Caller caller) {
        visible(id, caller);
        Versioned<Dialogue> changed = service.submitFeedback(id, ETags.ifMatch(ifMatch), request.toDraft());
        return ResponseEntity.created(feedbackUri(id, changed.state().latestFeedback()))
                .eTag(ETags.of(changed.version()))
                .body(DialogueResponse.of(changed));
    }

    @GetMapping("/{id}/feedback/{feedbackId}")
    ResponseEntity<Feedback> getFeedback(@PathVariable String id, @PathVariable String feedbackId, Caller caller) {
        Versioned<Dialogue> dialogue = visible(id, caller);
        return ResponseEntity.ok()
                .eTag(ETags.of(dialogue.version()))
                .body(dialogue.state().feedback(feedbackId));
    }

    @PostMapping("/{id}/feedback/{feedbackId}/route")
    ResponseEntity<DialogueResponse> route(
            @PathVariable String id,
            @PathVariable String feedbackId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody RouteRequest request,
            Caller caller) {
        visible(id, caller);
        return respond(service.route(id, feedbackId, ETags.ifMatch(ifMatch), request.routing()));
    }

    @PostMapping("/{id}/feedback/{feedbackId}/link")
    ResponseEntity<DialogueResponse> link(
            @PathVariable String id,
            @PathVariable String feedbackId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LinkRequest request,
            Caller caller) {
        visible(id, caller);
        return respond(service.link(id, feedbackId, ETags.ifMatch(ifMatch), request.promiseId()));
    }

    /** Retracts the item: it stays in the dialogue, flagged and without its text, and no longer counts. */
    @DeleteMapping("/{id}/feedback/{feedbackId}")
    ResponseEntity<DialogueResponse> retract(
            @PathVariable String id,
            @PathVariable String feedbackId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Caller caller) {
        visible(id, caller);
        return respond(service.retract(id, feedbackId, ETags.ifMatch(ifMatch)));
    }

    /** Another municipality's dialogue answers as if it did not exist. */
    private Versioned<Dialogue> visible(String id, Caller caller) {
        Versioned<Dialogue> dialogue = service.get(id);
        caller.requireSees(dialogue.state().municipalityCode(), "No dialogue " + id);
        return dialogue;
    }

    private static URI feedbackUri(String id, Feedback item) {
        return URI.create("/api/dialogues/" + id + "/feedback/" + item.id());
    }

    private static ResponseEntity<DialogueResponse> respond(Versioned<Dialogue> dialogue) {
        return ResponseEntity.ok().eTag(ETags.of(dialogue.version())).body(DialogueResponse.of(dialogue));
    }

    /** A '+' left unencoded in a query string arrives as a space; an offset is what it must have been. */
    private static Instant instant(String parameter, String text) {
        try {
            return PlausibleDates.require(
                    parameter,
                    OffsetDateTime.parse(text.trim().replace(' ', '+')).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(
                    parameter, "must be an ISO-8601 instant with offset, like 2021-03-01T00:00:00+01:00");
        }
    }
}
