package se.medborgarloften.dialogue.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.medborgarloften.platform.messaging.testing.Api;
import se.medborgarloften.platform.messaging.testing.RefusedTokens;
import se.medborgarloften.platform.messaging.testing.ServiceIntegrationTest;
import se.medborgarloften.platform.messaging.testing.TestCaller;

/**
 * Municipal staff record their municipality's dialogues and the citizens' feedback; what citizens said is read only by
 * those who work for that municipality, and for everyone else it does not exist.
 */
@ServiceIntegrationTest
class DialogueAccessTest {

    static final TestCaller HASSLEHOLM_STAFF = TestCaller.staff("1293");
    static final TestCaller KRISTIANSTAD_STAFF = TestCaller.staff("1294");

    @LocalServerPort
    int port;

    String hassleholmDialogue;

    @BeforeEach
    void hassleholmStaffRecordedADialogue() {
        var recorded = Api.as(port, HASSLEHOLM_STAFF).post("/api/dialogues", dialogue("1293"));
        assertThat(recorded.status()).isEqualTo(201);
        hassleholmDialogue = recorded.json().get("id").asString();
    }

    @Test
    void without_a_token_no_dialogue_or_feedback_is_written_or_read() {
        var refused = Api.anonymous(port).post(feedbackOf(hassleholmDialogue), FEEDBACK);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Api.anonymous(port)
                        .get("/api/dialogues/" + hassleholmDialogue)
                        .status())
                .isEqualTo(401);
        assertThat(Api.anonymous(port).get("/api/surveys/1293/2021").status()).isEqualTo(401);
    }

    @ParameterizedTest
    @MethodSource("refusedTokens")
    void a_token_that_is_not_valid_is_401(String token) {
        var refused = Api.withToken(port, token).post("/api/dialogues", dialogue("1293"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    static Stream<Named<String>> refusedTokens() {
        return RefusedTokens.of(HASSLEHOLM_STAFF);
    }

    @Test
    void police_and_coordinators_read_their_municipalitys_dialogues_but_only_staff_record_them() {
        for (TestCaller reader : new TestCaller[] {TestCaller.police("1293"), TestCaller.coordinator("1293")}) {
            assertThat(Api.as(port, reader)
                            .post("/api/dialogues", dialogue("1293"))
                            .status())
                    .as(reader.subject())
                    .isEqualTo(403);
            assertThat(Api.as(port, reader)
                            .post(feedbackOf(hassleholmDialogue), FEEDBACK)
                            .status())
                    .isEqualTo(403);
            assertThat(Api.as(port, reader)
                            .get("/api/dialogues/" + hassleholmDialogue)
                            .status())
                    .isEqualTo(200);
        }
        assertThat(Api.as(port, HASSLEHOLM_STAFF)
                        .post(feedbackOf(hassleholmDialogue), FEEDBACK)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void staff_of_another_municipality_may_not_record_for_it_nor_learn_that_its_dialogues_exist() {
        assertThat(Api.as(port, KRISTIANSTAD_STAFF)
                        .post("/api/dialogues", dialogue("1293"))
                        .status())
                .isEqualTo(403);

        var read = Api.as(port, KRISTIANSTAD_STAFF).get("/api/dialogues/" + hassleholmDialogue);
        var feedback = Api.as(port, KRISTIANSTAD_STAFF).post(feedbackOf(hassleholmDialogue), FEEDBACK);
        var missing = Api.as(port, KRISTIANSTAD_STAFF).get("/api/dialogues/no-such-dialogue");
        assertThat(read.status()).isEqualTo(404);
        assertThat(feedback.status()).isEqualTo(404);
        assertThat(read.json().get("detail").asString())
                .isEqualTo(missing.json().get("detail").asString().replace("no-such-dialogue", hassleholmDialogue));

        assertThat(Api.as(port, KRISTIANSTAD_STAFF)
                        .get("/api/dialogues?municipalityCode=1293")
                        .status())
                .isEqualTo(403);
        assertThat(Api.as(port, KRISTIANSTAD_STAFF).get("/api/dialogues").body())
                .doesNotContain(hassleholmDialogue);
        assertThat(Api.as(port, KRISTIANSTAD_STAFF)
                        .get("/api/surveys/1293/2021")
                        .status())
                .isEqualTo(403);
    }

    static final String FEEDBACK = """
            {"category":"LIGHTING","area":"Stationen","perceivedSafety":2,"text":"Mörkt efter 22"}""";

    private static String feedbackOf(String dialogue) {
        return "/api/dialogues/" + dialogue + "/feedback";
    }

    private static String dialogue(String municipality) {
        return """
                {"municipalityCode":"%s","area":"Centrum","heldAt":"2021-03-04T18:00:00+01:00","format":"SAFETY_WALK",
                 "organiser":"JOINT","targetGroup":"Boende","participants":14,"summary":"Trygghetsvandring"}""".formatted(municipality);
    }
}
