package se.medborgarloften.dialogue.dialogue.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class DialogueTest {

    static final Instant EVENING = Instant.parse("2021-03-04T17:00:00Z");
    static final Instant LATER = Instant.parse("2021-03-05T08:00:00Z");

    static final DialogueDraft SAFETY_WALK = new DialogueDraft(
            "1293",
            "Centrum",
            EVENING,
            DialogueFormat.SAFETY_WALK,
            Organiser.JOINT,
            "Boende",
            14,
            "Trygghetsvandring, kontakt Anna 070-123 45 67");

    @Test
    void a_recorded_dialogue_holds_its_summary_masked() {
        Dialogue walk = Dialogue.record(SAFETY_WALK, LATER);

        assertThat(walk.id()).startsWith("d-");
        assertThat(walk.summary()).isEqualTo("Trygghetsvandring, kontakt Anna [telefon]");
        assertThat(walk.recordedAt()).isEqualTo(LATER);
        assertThat(walk.feedback()).isEmpty();
    }

    @Test
    void a_dialogue_is_recorded_once_it_is_held_give_or_take_a_day_for_clocks_that_disagree() {
        assertThat(Dialogue.record(SAFETY_WALK, EVENING.minus(Duration.ofHours(23)))
                        .heldAt())
                .isEqualTo(EVENING);
        assertThatThrownBy(() -> Dialogue.record(SAFETY_WALK, EVENING.minus(Duration.ofDays(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heldAt");
    }

    @Test
    void feedback_without_area_or_count_is_one_citizen_about_the_dialogues_area_and_its_text_is_masked() {
        Dialogue walk = Dialogue.record(SAFETY_WALK, LATER)
                .submitFeedback(
                        new FeedbackDraft(
                                FeedbackCategory.LIGHTING,
                                null,
                                TimeOfDay.EVENING,
                                2,
                                null,
                                "Mörkt i parken, ring mig på 0451-123 45"),
                        LATER);

        Feedback lighting = walk.latestFeedback();
        assertThat(lighting.area()).isEqualTo("Centrum");
        assertThat(lighting.citizenCount()).isEqualTo(1);
        assertThat(lighting.text()).isEqualTo("Mörkt i parken, ring mig på [telefon]");
        assertThat(lighting.status()).isEqualTo(ReplyStatus.NEW);
        assertThat(lighting.routing()).isNull();
    }

    @Test
    void a_concern_is_routed_then_linked_to_a_promise_and_routing_again_keeps_the_link() {
        Dialogue walk = withDrugTradeConcern();
        String concern = walk.latestFeedback().id();

        Dialogue routed = walk.route(concern, Routing.POLICE);
        assertThat(routed.feedback(concern).status()).isEqualTo(ReplyStatus.ROUTED);

        Dialogue linked = routed.link(concern, "p-1a2b3c4d");
        assertThat(linked.feedback(concern).status()).isEqualTo(ReplyStatus.LINKED_TO_PROMISE);
        assertThat(linked.feedback(concern).promiseId()).isEqualTo("p-1a2b3c4d");

        Dialogue rerouted = linked.route(concern, Routing.MUNICIPALITY);
        assertThat(rerouted.feedback(concern).status()).isEqualTo(ReplyStatus.LINKED_TO_PROMISE);
        assertThat(rerouted.feedback(concern).routing()).isEqualTo(Routing.MUNICIPALITY);
    }

    @Test
    void a_retracted_concern_keeps_its_place_without_its_text_and_moves_no_further() {
        Dialogue walk = withDrugTradeConcern();
        String concern = walk.latestFeedback().id();

        Dialogue retracted = walk.retract(concern);

        assertThat(retracted.feedback(concern).retracted()).isTrue();
        assertThat(retracted.feedback(concern).text()).isNull();
        assertThat(retracted.activeFeedbackCount()).isZero();
        assertThatThrownBy(() -> retracted.route(concern, Routing.POLICE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> retracted.link(concern, "p-1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> retracted.retract(concern)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void perceived_safety_is_1_to_5_and_a_concern_is_raised_by_at_least_one_citizen() {
        Dialogue walk = Dialogue.record(SAFETY_WALK, LATER);

        assertThatThrownBy(() -> walk.submitFeedback(draft(6, 1), LATER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> walk.submitFeedback(draft(0, 1), LATER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> walk.submitFeedback(draft(3, 0), LATER)).isInstanceOf(IllegalArgumentException.class);
        assertThat(walk.submitFeedback(draft(null, 12), LATER).latestFeedback().citizenCount())
                .isEqualTo(12);
    }

    @Test
    void an_unknown_concern_is_not_found_and_a_full_dialogue_takes_no_more() {
        Dialogue walk = Dialogue.record(SAFETY_WALK, LATER);
        assertThatThrownBy(() -> walk.route("f-nope", Routing.POLICE)).isInstanceOf(NoSuchElementException.class);

        Dialogue full = walk;
        for (int i = 0; i < Dialogue.MAX_FEEDBACK; i++) {
            full = full.submitFeedback(draft(3, 1), LATER);
        }
        Dialogue crowded = full;
        assertThat(crowded.feedback()).extracting(Feedback::id).doesNotHaveDuplicates();
        assertThatThrownBy(() -> crowded.submitFeedback(draft(3, 1), LATER)).isInstanceOf(IllegalStateException.class);
    }

    private static Dialogue withDrugTradeConcern() {
        return Dialogue.record(SAFETY_WALK, LATER)
                .submitFeedback(
                        new FeedbackDraft(
                                FeedbackCategory.DRUG_TRADE,
                                "Stortorget",
                                TimeOfDay.NIGHT,
                                1,
                                3,
                                "Langning vid busstationen"),
                        LATER);
    }

    private static FeedbackDraft draft(Integer perceivedSafety, Integer citizens) {
        return new FeedbackDraft(FeedbackCategory.TRAFFIC, null, null, perceivedSafety, citizens, null);
    }
}
