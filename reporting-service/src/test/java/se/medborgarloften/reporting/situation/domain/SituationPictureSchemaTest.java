package se.medborgarloften.reporting.situation.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.medborgarloften.reporting.situation.SituationFixtures.agreement;
import static se.medborgarloften.reporting.situation.SituationFixtures.concern;
import static se.medborgarloften.reporting.situation.SituationFixtures.dialogue;
import static se.medborgarloften.reporting.situation.SituationFixtures.trafficControls;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.medborgarloften.platform.messaging.events.EventJson;
import se.medborgarloften.platform.messaging.testing.EventSchemas;

class SituationPictureSchemaTest {

    private static final String SCHEMA = "situation-picture.v1.json";

    @Test
    void a_picture_with_shown_and_withheld_counts_conforms_and_a_withheld_count_with_its_number_does_not() {
        var dialogue = dialogue(
                "d-1",
                "1293",
                "Centrum",
                "2021-03-04T18:00+01:00",
                concern("f-1", "TRAFFIC", 4, 3),
                concern("f-2", "LIGHTING", 2, 2),
                concern("f-3", "DRUG_TRADE", 5, 2));
        var facts = new SituationFacts(
                "1293",
                RaisedConcern.of(dialogue),
                List.of(),
                List.of(),
                List.of(agreement("1293", 2021, trafficControls("p-traffic"))));
        String json = EventJson.MAPPER.writeValueAsString(SituationPictures.of(
                facts, Optional.empty(), SituationWindow.calendarYear(2021), Instant.parse("2021-06-01T10:00:00Z")));

        EventSchemas.assertConforms(SCHEMA, json);
        String leaking = json.replaceFirst("\"citizens\":null,\"fewerThan\":3", "\"citizens\":2,\"fewerThan\":3");
        assertThatThrownBy(() -> EventSchemas.assertConforms(SCHEMA, leaking)).isInstanceOf(AssertionError.class);
    }
}
