package se.medborgarloften.dialogue.dialogue.domain;

/** What a concern raised in a dialogue is about. */
public enum FeedbackCategory {
    DRUG_TRADE,
    TRAFFIC,
    LIGHTING,
    YOUTH_GATHERING,
    VANDALISM,
    LITTERING,
    BURGLARY,
    HARASSMENT,
    VIOLENCE,
    OTHER
}
