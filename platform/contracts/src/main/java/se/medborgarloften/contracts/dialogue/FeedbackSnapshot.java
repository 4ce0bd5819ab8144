package se.medborgarloften.contracts.dialogue;

import java.time.OffsetDateTime;

/**
 * One concern raised in a dialogue.
 *
 * @param category DRUG_TRADE, TRAFFIC, LIGHTING, YOUTH_GATHERING, VANDALISM, LITTERING, BURGLARY, HARASSMENT, VIOLENCE
 *     or OTHER
 * @param area where the concern is; the dialogue's area unless the citizen named another
 * @param timeOfDay when it feels unsafe: MORNING, DAYTIME, EVENING or NIGHT; null when not said
 * @param perceivedSafety 1 (very unsafe) to 5 (very safe); null when not asked
 * @param citizenCount how many citizens raised it, at least 1
 * @param text masked free text; null when none was given or the item was retracted
 * @param routing who should act on it: MUNICIPALITY, POLICE, HOUSING_COMPANY, ROAD_AUTHORITY or OTHER; null until routed
 * @param status NEW, ROUTED, ANSWERED or LINKED_TO_PROMISE
 * @param promiseId the promise it was linked to, when status is LINKED_TO_PROMISE
 * @param retracted a retracted item no longer counts
 */
public record FeedbackSnapshot(
        String id,
        String category,
        String area,
        String timeOfDay,
        Integer perceivedSafety,
        int citizenCount,
        String text,
        String routing,
        String status,
        String promiseId,
        boolean retracted,
        OffsetDateTime submittedAt) {}
