package se.medborgarloften.promise.agreement.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.medborgarloften.contracts.PeriodKey;
import se.medborgarloften.platform.messaging.outbox.Versioned;
import se.medborgarloften.platform.web.ETags;
import se.medborgarloften.platform.web.security.Caller;
import se.medborgarloften.promise.agreement.application.AgreementService;
import se.medborgarloften.promise.agreement.domain.Agreement;

/** The agreement API of SPEC.md: draft, fill, sign, assess and close, with ETag / If-Match on every change. */
@RestController
@RequestMapping("/api/agreements")
class AgreementController {

    private final AgreementService service;

    AgreementController(AgreementService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<AgreementResponse> create(@Valid @RequestBody AgreementRequest request, Caller caller) {
        caller.requireActsFor(request.municipalityCode());
        Versioned<Agreement> created = service.create(request.toDraft(), request.promiseDrafts());
        return ResponseEntity.created(
                        URI.create("/api/agreements/" + created.state().id()))
                .eTag(ETags.of(created.version()))
                .body(AgreementResponse.of(created));
    }

    /** The seed format of a whole agreement with its promises; the same body as create, named for what it is used for. */
    @PostMapping("/import")
    ResponseEntity<AgreementResponse> importAgreement(@Valid @RequestBody AgreementRequest request, Caller caller) {
        return create(request, caller);
    }

    @GetMapping
    PagedModel<Agreement> list(
            @RequestParam Optional<String> municipalityCode,
            @RequestParam Optional<Integer> year,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            Caller caller) {
        return new PagedModel<>(
                service.list(caller.visibleMunicipalities(municipalityCode), year, PageRequest.of(page, size)));
    }

    @GetMapping("/{id}")
    ResponseEntity<AgreementResponse> get(@PathVariable String id, Caller caller) {
        return respond(visible(id, caller));
    }

    @PostMapping("/{id}/promises")
    ResponseEntity<AgreementResponse> addPromise(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PromiseRequest request,
            Caller caller) {
        visible(id, caller);
        Versioned<Agreement> changed = service.addPromise(id, ETags.ifMatch(ifMatch), request.toDraft());
        String promiseId = changed.state()
                .promises()
                .get(changed.state().promises().size() - 1)
                .id();
        return ResponseEntity.created(URI.create("/api/agreements/" + id + "/promises/" + promiseId))
                .eTag(ETags.of(changed.version()))
                .body(AgreementResponse.of(changed));
    }

    @PutMapping("/{id}/promises/{promiseId}")
    ResponseEntity<AgreementResponse> changePromise(
            @PathVariable String id,
            @PathVariable String promiseId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PromiseRequest request,
            Caller caller) {
        visible(id, caller);
        return respond(service.changePromise(id, promiseId, ETags.ifMatch(ifMatch), request.toDraft()));
    }

    @DeleteMapping("/{id}/promises/{promiseId}")
    ResponseEntity<AgreementResponse> removePromise(
            @PathVariable String id,
            @PathVariable String promiseId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Caller caller) {
        visible(id, caller);
        return respond(service.removePromise(id, promiseId, ETags.ifMatch(ifMatch)));
    }

    @PostMapping("/{id}/sign")
    ResponseEntity<AgreementResponse> sign(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody SignRequest request,
            Caller caller) {
        visible(id, caller);
        return respond(service.sign(id, ETags.ifMatch(ifMatch), request.toSignatories()));
    }

    @PostMapping("/{id}/promises/{promiseId}/assessments")
    ResponseEntity<AgreementResponse> assess(
            @PathVariable String id,
            @PathVariable String promiseId,
            @Valid @RequestBody AssessmentRequest request,
            Caller caller) {
        PeriodKey period = request.periodKey();
        visible(id, caller);
        return respond(
                service.assess(id, promiseId, period, request.assessment(), request.comment(), caller.subject()));
    }

    @PostMapping("/{id}/close")
    ResponseEntity<AgreementResponse> close(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            Caller caller) {
        visible(id, caller);
        return respond(service.close(id, ETags.ifMatch(ifMatch)));
    }

    /** Another municipality's agreement answers as if it did not exist. */
    private Versioned<Agreement> visible(String id, Caller caller) {
        Versioned<Agreement> agreement = service.get(id);
        caller.requireSees(agreement.state().municipalityCode(), "No agreement " + id);
        return agreement;
    }

    private static ResponseEntity<AgreementResponse> respond(Versioned<Agreement> agreement) {
        return ResponseEntity.ok().eTag(ETags.of(agreement.version())).body(AgreementResponse.of(agreement));
    }
}
