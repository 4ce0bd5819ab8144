package se.medborgarloften.activity.activity.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;
import se.medborgarloften.contracts.activity.ActivityType;

/**
 * A field activity as accepted: what was reported, by which route, and whether it was later cancelled. A cancelled
 * activity is kept, so that everyone who counted it can take it back.
 *
 * <p>Ids make a repeated report find its first one by id alone: a police-feed activity is {@code tc-<controlId>}, a
 * staff report with an {@code externalId} a name-based UUID of municipality and externalId.
 */
public record Activity(
        String id,
        ActivityType type,
        String municipalityCode,
        String area,
        Instant occurredAt,
        Instant endedAt,
        ActivityDetails details,
        String promiseId,
        String externalId,
        Origin origin,
        boolean cancelled,
        String cancellationReason) {

    public static final int MAX_REASON_LENGTH = 500;
    private static final String POLICE_PREFIX = "tc-";

    /** A traffic control from the police feed; its controlId is its externalId and names it. */
    public static Activity fromPoliceFeed(String controlId, ActivityReport report, Instant now) {
        if (controlId == null || controlId.isBlank()) {
            throw new InvalidActivityException(List.of(new Violation("controlId", "is required")));
        }
        ActivityReport named = withExternalId(report, controlId);
        named.requireValid(now);
        return accepted(POLICE_PREFIX + controlId, named, Origin.POLICE_FEED);
    }

    /** A staff report; with an externalId the same report always gets the same id. */
    public static Activity reportedByStaff(ActivityReport report, Instant now) {
        report.requireValid(now);
        String id = report.externalId() == null
                ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("staff:" + report.municipalityCode() + ":" + report.externalId())
                                .getBytes(StandardCharsets.UTF_8))
                        .toString();
        return accepted(id, report, Origin.STAFF);
    }

    /** Whether {@code report} says exactly what this activity says; then a repeat of it changes nothing. */
    public boolean reports(ActivityReport report) {
        ActivityReport named = report.externalId() == null ? withExternalId(report, externalId) : report;
        return asReport().equals(named);
    }

    /** The activity as {@code report} says it was instead. Its identity (origin, externalId) stays. */
    public Activity correct(ActivityReport report, Instant now) {
        requireNotCancelled("corrected");
        if (report.externalId() != null && !report.externalId().equals(externalId)) {
            throw new InvalidActivityException(
                    List.of(new Violation("externalId", "cannot change: it identifies the activity")));
        }
        ActivityReport named = withExternalId(report, externalId);
        named.requireValid(now);
        return new Activity(
                id,
                named.type(),
                named.municipalityCode(),
                named.area(),
                named.occurredAt(),
                named.endedAt(),
                named.details(),
                named.promiseId(),
                externalId,
                origin,
                false,
                null);
    }

    public Activity cancel(String reason) {
        requireNotCancelled("cancelled again");
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidActivityException(List.of(new Violation(
                    "reason", "a cancellation needs a reason of 1-" + MAX_REASON_LENGTH + " characters")));
        }
        return new Activity(
                id,
                type,
                municipalityCode,
                area,
                occurredAt,
                endedAt,
                details,
                promiseId,
                externalId,
                origin,
                true,
                reason);
    }

    /**
     * The safety walk with the action on one of its findings at {@code status}, e.g. DONE once the lamp is up. Only a
     * safety walk has findings; a cancelled one is no longer followed up.
     */
    public Activity updateFindingAction(String findingId, SafetyWalkDetails.Status status, String reason) {
        if (!(details instanceof SafetyWalkDetails walk)) {
            throw new NoSuchElementException("Activity " + id + " is a " + type + ", which has no findings");
        }
        requireNotCancelled("followed up");
        return new Activity(
                id,
                type,
                municipalityCode,
                area,
                occurredAt,
                endedAt,
                walk.withActionOutcome(findingId, status, reason),
                promiseId,
                externalId,
                origin,
                false,
                null);
    }

    private void requireNotCancelled(String action) {
        if (cancelled) {
            throw new IllegalStateException(
                    "Activity " + id + " was cancelled (" + cancellationReason + ") and cannot be " + action);
        }
    }

    /** What this activity says, as a report of it would. */
    public ActivityReport asReport() {
        return new ActivityReport(type, municipalityCode, area, occurredAt, endedAt, details, promiseId, externalId);
    }

    private static Activity accepted(String id, ActivityReport report, Origin origin) {
        return new Activity(
                id,
                report.type(),
                report.municipalityCode(),
                report.area(),
                report.occurredAt(),
                report.endedAt(),
                report.details(),
                report.promiseId(),
                report.externalId(),
                origin,
                false,
                null);
    }

    private static ActivityReport withExternalId(ActivityReport report, String externalId) {
        return Objects.equals(report.externalId(), externalId)
                ? report
                : new ActivityReport(
                        report.type(),
                        report.municipalityCode(),
                        report.area(),
                        report.occurredAt(),
                        report.endedAt(),
                        report.details(),
                        report.promiseId(),
                        externalId);
    }
}
