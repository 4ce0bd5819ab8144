package se.medborgarloften.activity.activity.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import se.medborgarloften.contracts.activity.ActivityType;

/**
 * A safety walk (trygghetsvandring) along a route or at a place, and what the walkers found and will do about it.
 *
 * <p>Every finding has an id, so that its action can be followed up on its own. A finding reported without one gets
 * {@code f-<its position>} (or the next free number, when another finding already holds that id): a walk reported
 * again as it was gets the same ids, and a correction that keeps the ids it was given keeps them whatever the order.
 */
public record SafetyWalkDetails(String route, String place, Integer participants, List<Finding> findings)
        implements ActivityDetails {

    public static final int MAX_FINDINGS = 100;
    public static final int MAX_TEXT = 2000;
    static final int MAX_FINDING_ID = 50;
    private static final String FINDING_ID_PREFIX = "f-";
    /** Ids go into the URL of a finding's action. */
    private static final Pattern FINDING_ID = Pattern.compile("[A-Za-z0-9._-]+");

    /** Something found on the walk, e.g. a dark underpass, and the action agreed on it. */
    public record Finding(String id, String description, String place, Action action) {

        Finding withId(String newId) {
            return new Finding(newId, description, place, action);
        }

        Finding withAction(Action newAction) {
            return new Finding(id, description, place, newAction);
        }
    }

    /** Who does what by when; a rejected action says why. */
    public record Action(String description, String responsible, LocalDate deadline, Status status, String reason) {

        Action withOutcome(Status newStatus, String newReason) {
            return new Action(description, responsible, deadline, newStatus, newReason);
        }
    }

    public enum Status {
        OPEN,
        DONE,
        REJECTED
    }

    public SafetyWalkDetails {
        findings = findings == null ? List.of() : withIds(findings);
    }

    @Override
    public ActivityType type() {
        return ActivityType.SAFETY_WALK;
    }

    @Override
    public void check(Violations violations) {
        violations.check(route != null || place != null, "place", "a route or a place is required");
        violations.text(route, "route", 500);
        violations.text(place, "place", 200);
        if (violations.required(participants, "participants")) {
            violations.check(participants >= 1, "participants", "must be at least 1");
        }
        violations.check(findings.size() <= MAX_FINDINGS, "findings", "must be at most " + MAX_FINDINGS);
        Set<String> ids = new HashSet<>();
        violations.each(findings, "findings", finding -> {
            String id = finding.value().id();
            finding.violations().check(id == null || ids.add(id), "id", "repeats the id of an earlier finding");
            check(finding.value(), finding.violations());
        });
    }

    /**
     * These details with the action agreed on {@code findingId} at {@code status}. The reason replaces the one before;
     * a rejection must give one.
     */
    public SafetyWalkDetails withActionOutcome(String findingId, Status status, String reason) {
        Finding finding = findings.stream()
                .filter(f -> f.id().equals(findingId))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("No finding " + findingId + " on this safety walk"));
        if (finding.action() == null) {
            throw new IllegalStateException("Finding " + findingId
                    + " has no action agreed, so there is nothing to update: add one by correcting the walk");
        }
        Violations violations = new Violations();
        checkOutcome(status, reason, violations);
        if (!violations.list().isEmpty()) {
            throw new InvalidActivityException(violations.list());
        }
        Finding updated = finding.withAction(finding.action().withOutcome(status, reason));
        return new SafetyWalkDetails(
                route,
                place,
                participants,
                findings.stream().map(f -> f == finding ? updated : f).toList());
    }

    private static void check(Finding finding, Violations violations) {
        violations.requiredText(finding.id(), "id", MAX_FINDING_ID);
        violations.check(
                finding.id() == null || FINDING_ID.matcher(finding.id()).matches(),
                "id",
                "may hold letters A-Z, digits, '.', '_' and '-' only");
        violations.requiredText(finding.description(), "description", MAX_TEXT);
        violations.text(finding.place(), "place", 200);
        Action action = finding.action();
        if (action != null) {
            Violations at = violations.at("action");
            at.requiredText(action.description(), "description", MAX_TEXT);
            at.requiredText(action.responsible(), "responsible", 200);
            checkOutcome(action.status(), action.reason(), at);
        }
    }

    private static void checkOutcome(Status status, String reason, Violations violations) {
        violations.required(status, "status");
        if (status == Status.REJECTED) {
            violations.requiredText(reason, "reason", MAX_TEXT);
        } else {
            violations.text(reason, "reason", MAX_TEXT);
        }
    }

    private static List<Finding> withIds(List<Finding> findings) {
        Set<String> taken = new HashSet<>();
        findings.stream().filter(Objects::nonNull).map(Finding::id).forEach(taken::add);
        List<Finding> named = new ArrayList<>(findings.size());
        int next = findings.size() + 1;
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            if (finding == null || finding.id() != null) {
                named.add(finding);
                continue;
            }
            String id = FINDING_ID_PREFIX + (i + 1);
            while (taken.contains(id)) {
                id = FINDING_ID_PREFIX + next++;
            }
            taken.add(id);
            named.add(finding.withId(id));
        }
        // Not List.copyOf: a null finding is reported by check() as findings[i] "is required", not thrown here.
        return Collections.unmodifiableList(named);
    }
}
