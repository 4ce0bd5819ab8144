package se.medborgarloften.contracts.dialogue;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A citizen dialogue with every feedback item raised in it, retracted ones included (flagged, without their text).
 *
 * @param format PUBLIC_MEETING, SAFETY_WALK, SURVEY, DIGITAL, POP_UP, FOCUS_GROUP, SCHOOL_VISIT or OTHER
 * @param organiser MUNICIPALITY, POLICE or JOINT
 * @param summary masked free text, may be null
 */
public record DialogueSnapshot(
        String id,
        String municipalityCode,
        String area,
        OffsetDateTime heldAt,
        String format,
        String organiser,
        String targetGroup,
        int participants,
        String summary,
        OffsetDateTime recordedAt,
        List<FeedbackSnapshot> feedback) {}
