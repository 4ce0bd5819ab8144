package se.medborgarloften.contracts.reporting;

import java.time.OffsetDateTime;

/**
 * The latest progress of one commitment in one period, as published on the compacted topic
 * {@code reporting.promise-progress.v1} under the key {@code {commitmentId}:{period}}.
 *
 * @param status NOT_STARTED, ON_TRACK, BEHIND, MET or MISSED, as of {@code updatedAt}
 */
public record PromiseProgress(
        String commitmentId,
        String promiseId,
        String agreementId,
        String municipalityCode,
        String activityType,
        String period,
        long done,
        long target,
        String status,
        long vehiclesChecked,
        long violations,
        OffsetDateTime updatedAt) {

    public String key() {
        return keyOf(commitmentId, period);
    }

    /** The topic key, which is also the id of the stored figure: {@code {commitmentId}:{period}}. */
    public static String keyOf(String commitmentId, Object period) {
        return commitmentId + ":" + period;
    }
}
