package se.medborgarloften.activity.activity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.medborgarloften.activity.activity.application.ActivitySearch;
import se.medborgarloften.activity.activity.application.ActivityService;
import se.medborgarloften.activity.activity.application.Recorded;
import se.medborgarloften.activity.activity.domain.Activity;
import se.medborgarloften.contracts.activity.ActivityType;
import se.medborgarloften.platform.messaging.outbox.Versioned;
import se.medborgarloften.platform.web.ETags;
import se.medborgarloften.platform.web.InvalidFieldException;
import se.medborgarloften.platform.web.security.Caller;

/**
 * The activity API of SPEC.md: report, list, read, correct and cancel, and follow up a safety walk's action items, with
 * ETag / If-Match on every change.
 */
@RestController
@RequestMapping("/api/activities")
class ActivityController {

    static final int MAX_PAGE_SIZE = 100;

    private final ActivityService service;
    private final DetailsReader details;

    ActivityController(ActivityService service, DetailsReader details) {
        this.service = service;
        this.details = details;
    }

    /** 201 for a new activity; 200 with the first result when the externalId was reported before with this content. */
    @PostMapping
    ResponseEntity<ActivityResponse> report(@Valid @RequestBody ActivityRequest request, Caller caller) {
        ActivityAccess.requireMayRecord(caller, request.municipalityCode(), request.type());
        Recorded recorded = service.report(request.toReport(details));
        Versioned<Activity> activity = recorded.activity();
        URI location = URI.create("/api/activities/" + activity.state().id());
        var response = recorded.created()
                ? ResponseEntity.created(location)
                : ResponseEntity.ok().location(location);
        return response.eTag(ETags.of(activity.version())).body(ActivityResponse.of(activity));
    }

    /** Newest first, at most 100 a page (as every list of the platform). */
    @GetMapping
    PagedModel<Activity> list(
            @RequestParam Optional<String> municipalityCode,
            @RequestParam Optional<String> type,
            @RequestParam Optional<String> area,
            @RequestParam Optional<String> from,
            @RequestParam Optional<String> to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size,
            Caller caller) {
        var search = new ActivitySearch(
                caller.visibleMunicipalities(municipalityCode),
                type.map(ActivityController::activityType),
                area,
                from.map(value -> Timestamps.instant("from", value)),
                to.map(value -> Timestamps.instant("to", value)));
        return new PagedModel<>(service.list(search, PageRequest.of(page, size)));
    }

    @GetMapping("/{id}")
    ResponseEntity<ActivityResponse> get(@PathVariable String id, Caller caller) {
        return respond(visible(id, caller));
    }

    @PutMapping("/{id}")
    ResponseEntity<ActivityResponse> correct(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ActivityRequest request,
            Caller caller) {
        Activity current = visible(id, caller).state();
        ActivityAccess.requireMayRecord(caller, current.municipalityCode(), current.type());
        ActivityAccess.requireMayRecord(caller, request.municipalityCode(), request.type());
        return respond(service.correct(id, ETags.ifMatch(ifMatch), request.toReport(details)));
    }

    /** Cancels, keeping the activity with its reason, so that whoever counted it can take it back. */
    @DeleteMapping("/{id}")
    ResponseEntity<ActivityResponse> cancel(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) String reason,
            Caller caller) {
        Activity activity = visible(id, caller).state();
        ActivityAccess.requireMayRecord(caller, activity.municipalityCode(), activity.type());
        return respond(service.cancel(id, ETags.ifMatch(ifMatch), reason));
    }

    /**
     * Follows up the action agreed on one finding of a safety walk: {@code {"status":"DONE"}}, or REJECTED with a
     * {@code reason}. The finding id is in the walk as reported ({@code details.findings[].id}).
     */
    @PatchMapping("/{id}/findings/{findingId}/action")
    ResponseEntity<ActivityResponse> updateFindingAction(
            @PathVariable String id,
            @PathVariable String findingId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ActionOutcomeRequest request,
            Caller caller) {
        Activity walk = visible(id, caller).state();
        ActivityAccess.requireMayRecord(caller, walk.municipalityCode(), walk.type());
        return respond(
                service.updateFindingAction(id, findingId, ETags.ifMatch(ifMatch), request.status(), request.reason()));
    }

    /** Another municipality's activity answers as if it did not exist. */
    private Versioned<Activity> visible(String id, Caller caller) {
        Versioned<Activity> activity = service.get(id);
        caller.requireSees(activity.state().municipalityCode(), "No activity " + id);
        return activity;
    }

    private static ResponseEntity<ActivityResponse> respond(Versioned<Activity> activity) {
        return ResponseEntity.ok().eTag(ETags.of(activity.version())).body(ActivityResponse.of(activity));
    }

    private static ActivityType activityType(String value) {
        try {
            return ActivityType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("type", "must be one of " + Arrays.toString(ActivityType.values()));
        }
    }
}
