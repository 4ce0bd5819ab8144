package se.medborgarloften.activity.activity.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import se.medborgarloften.contracts.activity.ActivityType;

/**
 * What a reporter says happened, before it is accepted: {@link #violations(Instant)} lists every rule it breaks. The
 * same rules hold for the police feed and for staff.
 */
public record ActivityReport(
        ActivityType type,
        String municipalityCode,
        String area,
        Instant occurredAt,
        Instant endedAt,
        ActivityDetails details,
        String promiseId,
        String externalId) {

    /** How far ahead an activity may be reported: a day, for clocks that disagree and plans reported early. */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);

    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("\\d{4}");

    public ActivityReport {
        // The store keeps milliseconds; a repeat must compare equal to what was stored.
        occurredAt = occurredAt == null ? null : occurredAt.truncatedTo(ChronoUnit.MILLIS);
        endedAt = endedAt == null ? null : endedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public List<Violation> violations(Instant now) {
        Violations violations = new Violations();
        violations.required(type, "type");
        if (violations.required(municipalityCode, "municipalityCode")) {
            violations.check(
                    MUNICIPALITY_CODE.matcher(municipalityCode).matches(),
                    "municipalityCode",
                    "must be a four-digit SCB municipality code");
        }
        violations.requiredText(area, "area", 200);
        if (violations.required(occurredAt, "occurredAt")) {
            violations.check(
                    !occurredAt.isAfter(now.plus(MAX_AHEAD)),
                    "occurredAt",
                    "must not be more than a day in the future");
            violations.check(
                    endedAt == null || !endedAt.isBefore(occurredAt), "endedAt", "must not be before occurredAt");
        }
        violations.text(promiseId, "promiseId", 100);
        violations.text(externalId, "externalId", 100);
        if (violations.required(details, "details")) {
            violations.check(type == null || details.type() == type, "details", "are not the details of a " + type);
            details.check(violations.at("details"));
        }
        return violations.list();
    }

    void requireValid(Instant now) {
        List<Violation> violations = violations(now);
        if (!violations.isEmpty()) {
            throw new InvalidActivityException(violations);
        }
    }
}
