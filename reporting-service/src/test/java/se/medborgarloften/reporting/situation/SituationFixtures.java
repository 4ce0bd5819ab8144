package se.medborgarloften.reporting.situation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.medborgarloften.contracts.activity.ActivityEvent;
import se.medborgarloften.contracts.dialogue.DialogueSnapshot;
import se.medborgarloften.contracts.dialogue.FeedbackSnapshot;
import se.medborgarloften.contracts.promise.AgreementSnapshot;
import se.medborgarloften.contracts.promise.AssessmentSnapshot;
import se.medborgarloften.contracts.promise.CommitmentSnapshot;
import se.medborgarloften.contracts.promise.PromiseSnapshot;

/** The events of the stories the situation tests tell, in the shapes the producing services publish. */
public final class SituationFixtures {

    private SituationFixtures() {}

    public static DialogueSnapshot dialogue(
            String id, String code, String area, String heldAt, FeedbackSnapshot... feedback) {
        return new DialogueSnapshot(
                id,
                code,
                area,
                OffsetDateTime.parse(heldAt),
                "PUBLIC_MEETING",
                "JOINT",
                null,
                40,
                "Medborgardialog i " + area,
                OffsetDateTime.parse(heldAt),
                List.of(feedback));
    }

    /** A concern in the dialogue's own area. */
    public static FeedbackSnapshot concern(String id, String category, int citizens, Integer perceivedSafety) {
        return item(id, category, null, citizens, perceivedSafety, "NEW", null, false, "Oro: " + category);
    }

    public static FeedbackSnapshot concernIn(
            String id, String category, String area, int citizens, Integer perceivedSafety) {
        return item(id, category, area, citizens, perceivedSafety, "NEW", null, false, "Oro: " + category);
    }

    public static FeedbackSnapshot withText(FeedbackSnapshot item, String text) {
        return item(
                item.id(),
                item.category(),
                item.area(),
                item.citizenCount(),
                item.perceivedSafety(),
                item.status(),
                item.promiseId(),
                item.retracted(),
                text);
    }

    public static FeedbackSnapshot linked(FeedbackSnapshot item, String promiseId) {
        return item(
                item.id(),
                item.category(),
                item.area(),
                item.citizenCount(),
                item.perceivedSafety(),
                "LINKED_TO_PROMISE",
                promiseId,
                item.retracted(),
                item.text());
    }

    /** As dialogue-service publishes a retracted item: flagged, its text gone. */
    public static FeedbackSnapshot retracted(FeedbackSnapshot item) {
        return item(
                item.id(),
                item.category(),
                item.area(),
                item.citizenCount(),
                item.perceivedSafety(),
                item.status(),
                item.promiseId(),
                true,
                null);
    }

    private static FeedbackSnapshot item(
            String id,
            String category,
            String area,
            int citizens,
            Integer perceivedSafety,
            String status,
            String promiseId,
            boolean retracted,
            String text) {
        return new FeedbackSnapshot(
                id,
                category,
                area,
                "EVENING",
                perceivedSafety,
                citizens,
                text,
                null,
                status,
                promiseId,
                retracted,
                OffsetDateTime.parse("2021-03-04T19:00Z"));
    }

    public static AgreementSnapshot agreement(String code, int year, PromiseSnapshot... promises) {
        return new AgreementSnapshot(
                code + "-" + year,
                code,
                "Hässleholms kommun",
                "LPO Hässleholm",
                year,
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31),
                List.of("CITIZEN_DIALOGUE"),
                "AGREED",
                List.of(),
                List.of(promises));
    }

    public static PromiseSnapshot trafficControls(String id) {
        return new PromiseSnapshot(
                id,
                "Riktade trafikkontroller",
                "Minst 20 riktade trafikkontroller i månaden",
                "POLICE",
                "TRAFFIC",
                null,
                List.of(),
                List.of(new CommitmentSnapshot("c-" + id, "TRAFFIC_CONTROL", 20, "MONTH", null)),
                List.of());
    }

    public static PromiseSnapshot openDrugTrade(String id, String latestAssessment) {
        return new PromiseSnapshot(
                id,
                "Öppen droghandel",
                "Polisen fortsätter arbetet mot den öppna droghandeln.",
                "POLICE",
                "DRUG_TRADE",
                null,
                List.of(),
                List.of(),
                latestAssessment == null
                        ? List.of()
                        : List.of(new AssessmentSnapshot(
                                "2021-Q1",
                                latestAssessment,
                                "Insatser vid resecentrum",
                                "samordnare",
                                OffsetDateTime.parse("2021-04-02T10:00+02:00"))));
    }

    public static PromiseSnapshot safetyWalk(String id) {
        return new PromiseSnapshot(
                id,
                "Trygghetsvandring",
                "Minst en trygghetsvandring under året",
                "JOINT",
                "SAFETY_WALK",
                null,
                List.of(),
                List.of(new CommitmentSnapshot("c-" + id, "SAFETY_WALK", 1, "YEAR", null)),
                List.of());
    }

    public static ActivityEvent activity(
            String id, long version, String type, String code, String area, String occurredAt, String promiseId) {
        return new ActivityEvent(
                id,
                version,
                type,
                code,
                area,
                OffsetDateTime.parse(occurredAt),
                null,
                Map.of(),
                promiseId,
                "ext-" + UUID.randomUUID(),
                "STAFF",
                false,
                null);
    }

    public static ActivityEvent cancelled(ActivityEvent activity) {
        return new ActivityEvent(
                activity.aggregateId(),
                activity.aggregateVersion() + 1,
                activity.activityType(),
                activity.municipalityCode(),
                activity.area(),
                activity.occurredAt(),
                activity.endedAt(),
                activity.details(),
                activity.promiseId(),
                activity.externalId(),
                activity.origin(),
                true,
                "registrerad två gånger");
    }
}
