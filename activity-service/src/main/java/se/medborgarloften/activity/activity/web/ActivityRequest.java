package se.medborgarloften.activity.activity.web;

import jakarta.validation.constraints.NotNull;
import se.medborgarloften.activity.activity.domain.ActivityDetails;
import se.medborgarloften.activity.activity.domain.ActivityReport;
import se.medborgarloften.contracts.activity.ActivityType;
import tools.jackson.databind.JsonNode;

/**
 * An activity as staff report or correct it; timestamps need an offset ({@link Timestamps}). The rules of the content
 * are the domain's ({@link ActivityReport#violations}), shared with the police feed; here only what is needed to read
 * the details.
 */
record ActivityRequest(
        @NotNull ActivityType type,
        String municipalityCode,
        String area,
        String occurredAt,
        String endedAt,
        JsonNode details,
        String promiseId,
        String externalId) {

    ActivityReport toReport(DetailsReader reader) {
        ActivityDetails typed = reader.read(type, details);
        return new ActivityReport(
                type,
                municipalityCode,
                area,
                Timestamps.instant("occurredAt", occurredAt),
                Timestamps.instant("endedAt", endedAt),
                typed,
                promiseId,
                externalId);
    }
}
