package se.medborgarloften.activity.activity.domain;

import java.time.LocalDate;
import java.util.List;
import se.medborgarloften.contracts.activity.ActivityType;

/** A safety walk (trygghetsvandring) along a route or at a place, and what the walkers found and will do about it. */
public record SafetyWalkDetails(String route, String place, Integer participants, List<Finding> findings)
        implements ActivityDetails {

    public static final int MAX_FINDINGS = 100;

    /** Something found on the walk, e.g. a dark underpass, and the action agreed on it. */
    public record Finding(String description, String place, Action action) {}

    /** Who does what by when; a rejected action says why. */
    public record Action(String description, String responsible, LocalDate deadline, Status status, String reason) {}

    public enum Status {
        OPEN,
        DONE,
        REJECTED
    }

    public SafetyWalkDetails {
        findings = findings == null ? List.of() : List.copyOf(findings);
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
        violations.each(findings, "findings", finding -> check(finding.value(), finding.violations()));
    }

    private static void check(Finding finding, Violations violations) {
        violations.requiredText(finding.description(), "description", 2000);
        violations.text(finding.place(), "place", 200);
        Action action = finding.action();
        if (action != null) {
            Violations at = violations.at("action");
            at.requiredText(action.description(), "description", 2000);
            at.requiredText(action.responsible(), "responsible", 200);
            at.required(action.status(), "status");
            if (action.status() == Status.REJECTED) {
                at.requiredText(action.reason(), "reason", 2000);
            } else {
                at.text(action.reason(), "reason", 2000);
            }
        }
    }
}
