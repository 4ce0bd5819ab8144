package se.medborgarloften.contracts.dialogue;

/**
 * CloudEvent types that dialogue-service publishes on {@code dialogue.events.v1}. The dialogue types carry
 * {@link DialogueEvent} data, the survey type {@link SurveyEvent} data.
 */
public final class DialogueEventTypes {

    public static final String SOURCE = "/medborgarloften/dialogue-service";
    private static final String PREFIX = "se.medborgarloften.dialogue.";

    public static final String DIALOGUE_RECORDED = PREFIX + "dialogue-recorded.v1";
    public static final String FEEDBACK_SUBMITTED = PREFIX + "feedback-submitted.v1";
    public static final String FEEDBACK_RETRACTED = PREFIX + "feedback-retracted.v1";
    public static final String FEEDBACK_ROUTED = PREFIX + "feedback-routed.v1";
    public static final String FEEDBACK_LINKED = PREFIX + "feedback-linked.v1";
    public static final String SURVEY_INDICATORS_IMPORTED = PREFIX + "survey-indicators-imported.v1";

    private DialogueEventTypes() {}
}
