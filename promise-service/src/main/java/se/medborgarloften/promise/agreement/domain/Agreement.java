package se.medborgarloften.promise.agreement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.UnaryOperator;
import se.medborgarloften.contracts.PeriodKey;

/**
 * One year's agreement between a municipality and its police area. Promises change only while it is a DRAFT; once
 * AGREED it changes only through assessments and closing. Every method returns the agreement after the change.
 */
public record Agreement(
        String id,
        String municipalityCode,
        String municipalityName,
        String policeArea,
        int year,
        LocalDate validFrom,
        LocalDate validTo,
        List<Basis> basis,
        AgreementStatus status,
        List<Signatory> signatories,
        List<Promise> promises) {

    public static final int EARLIEST_YEAR = 2010;
    public static final int LATEST_YEAR = 2100;

    public Agreement {
        basis = basis == null ? List.of() : basis.stream().distinct().sorted().toList();
        signatories = signatories == null ? List.of() : List.copyOf(signatories);
        promises = promises == null ? List.of() : List.copyOf(promises);
    }

    /** A new draft; its id names the municipality and year, of which there is at most one agreement. */
    public static Agreement draft(
            String municipalityCode,
            String municipalityName,
            String policeArea,
            int year,
            LocalDate validFrom,
            LocalDate validTo,
            List<Basis> basis) {
        if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
            throw new IllegalArgumentException("year must be between " + EARLIEST_YEAR + " and " + LATEST_YEAR);
        }
        if (validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("validTo must not be before validFrom");
        }
        return new Agreement(
                idOf(municipalityCode, year),
                municipalityCode,
                municipalityName,
                policeArea,
                year,
                validFrom,
                validTo,
                basis,
                AgreementStatus.DRAFT,
                List.of(),
                List.of());
    }

    public static String idOf(String municipalityCode, int year) {
        return municipalityCode + "-" + year;
    }

    public Agreement addPromise(PromiseDraft draft) {
        requireDraft("add promises");
        List<Promise> all = new ArrayList<>(promises);
        all.add(toPromise(newId("p-"), draft, List.of()));
        return withPromises(all);
    }

    public Agreement changePromise(String promiseId, PromiseDraft draft) {
        requireDraft("change promises");
        return replacePromise(promiseId, current -> toPromise(promiseId, draft, current.commitments()));
    }

    public Agreement removePromise(String promiseId) {
        requireDraft("remove promises");
        Promise removed = promise(promiseId);
        return withPromises(promises.stream().filter(p -> p != removed).toList());
    }

    public Agreement sign(List<Signatory> signers) {
        requireDraft("sign");
        if (promises.isEmpty()) {
            throw new IllegalStateException("An agreement without promises cannot be signed");
        }
        if (signers.stream().map(Signatory::party).distinct().count() < 2) {
            throw new IllegalStateException("Both the municipality and the police must sign");
        }
        return with(AgreementStatus.AGREED, signers, promises);
    }

    public Agreement assess(
            String promiseId, PeriodKey period, AssessmentGrade grade, String comment, String by, Instant at) {
        if (status != AgreementStatus.AGREED) {
            throw new IllegalStateException("Only an agreed agreement is assessed; this one is " + status);
        }
        if (!promise(promiseId).isOngoingWork()) {
            throw new IllegalStateException(
                    "Promise " + promiseId + " has measurable commitments; its progress is counted, not assessed");
        }
        if (period.year() != year) {
            throw new IllegalArgumentException("period " + period + " is outside the agreement's year " + year);
        }
        return replacePromise(
                promiseId, p -> p.withAssessment(new Assessment(period.toString(), grade, comment, by, at)));
    }

    public Agreement close() {
        if (status != AgreementStatus.AGREED) {
            throw new IllegalStateException("Only an agreed agreement can be closed; this one is " + status);
        }
        return with(AgreementStatus.CLOSED, signatories, promises);
    }

    public Promise promise(String promiseId) {
        return promises.stream()
                .filter(p -> p.id().equals(promiseId))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("No promise " + promiseId + " in agreement " + id));
    }

    private void requireDraft(String action) {
        if (status != AgreementStatus.DRAFT) {
            throw new IllegalStateException("Cannot " + action + ": the agreement is " + status + ", not DRAFT");
        }
    }

    private Agreement replacePromise(String promiseId, UnaryOperator<Promise> change) {
        Promise current = promise(promiseId);
        return withPromises(
                promises.stream().map(p -> p == current ? change.apply(p) : p).toList());
    }

    private Agreement withPromises(List<Promise> changed) {
        return with(status, signatories, changed);
    }

    private Agreement with(AgreementStatus newStatus, List<Signatory> signers, List<Promise> changed) {
        return new Agreement(
                id,
                municipalityCode,
                municipalityName,
                policeArea,
                year,
                validFrom,
                validTo,
                basis,
                newStatus,
                signers,
                changed);
    }

    /** Commitments keep the id of the one they replace at the same place, so follow-up keyed by id stays put. */
    private static Promise toPromise(String promiseId, PromiseDraft draft, List<Commitment> previous) {
        List<Commitment> commitments = new ArrayList<>();
        for (int i = 0; i < draft.commitments().size(); i++) {
            var written = draft.commitments().get(i);
            String commitmentId = i < previous.size() ? previous.get(i).id() : newId("c-");
            commitments.add(new Commitment(
                    commitmentId, written.activityType(), written.minimumCount(), written.per(), written.filter()));
        }
        return new Promise(
                promiseId,
                draft.title(),
                draft.description(),
                draft.party(),
                draft.theme(),
                draft.area(),
                draft.purposes(),
                commitments,
                List.of());
    }

    private static String newId(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }
}
