package se.medborgarloften.reporting.situation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static se.medborgarloften.reporting.situation.SituationFixtures.activity;
import static se.medborgarloften.reporting.situation.SituationFixtures.agreement;
import static se.medborgarloften.reporting.situation.SituationFixtures.cancelled;
import static se.medborgarloften.reporting.situation.SituationFixtures.concern;
import static se.medborgarloften.reporting.situation.SituationFixtures.concernIn;
import static se.medborgarloften.reporting.situation.SituationFixtures.dialogue;
import static se.medborgarloften.reporting.situation.SituationFixtures.linked;
import static se.medborgarloften.reporting.situation.SituationFixtures.openDrugTrade;
import static se.medborgarloften.reporting.situation.SituationFixtures.retracted;
import static se.medborgarloften.reporting.situation.SituationFixtures.trafficControls;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.medborgarloften.contracts.activity.ActivityEvent;
import se.medborgarloften.contracts.dialogue.DialogueSnapshot;
import se.medborgarloften.contracts.dialogue.SurveyEvent;
import se.medborgarloften.contracts.dialogue.SurveyIndicatorValue;
import se.medborgarloften.contracts.promise.AgreementSnapshot;
import se.medborgarloften.contracts.reporting.SituationPicture;
import se.medborgarloften.contracts.reporting.SituationPicture.AreaConcern;
import se.medborgarloften.contracts.reporting.SituationPicture.Concern;

class SituationPicturesTest {

    private static final String CODE = "1293";
    private static final SituationWindow YEAR_2021 = SituationWindow.calendarYear(2021);
    private static final Instant NOW = Instant.parse("2021-06-01T10:00:00Z");

    @Test
    void concerns_count_citizens_by_category_and_area_and_a_retracted_item_counts_no_more() {
        var picture = municipality(
                List.of(
                        dialogue(
                                "d-1",
                                CODE,
                                "Centrum",
                                "2021-03-04T18:00+01:00",
                                concern("f-1", "TRAFFIC", 4, null),
                                concern("f-2", "TRAFFIC", 2, null),
                                retracted(concern("f-3", "TRAFFIC", 9, null))),
                        dialogue(
                                "d-2",
                                CODE,
                                "Norra",
                                "2021-04-04T18:00+02:00",
                                concern("f-4", "TRAFFIC", 5, null),
                                concern("f-5", "DRUG_TRADE", 3, null))),
                List.of());

        assertThat(picture.concerns()).extracting(Concern::category).containsExactly("TRAFFIC", "DRUG_TRADE");
        Concern traffic = picture.concerns().get(0);
        assertThat(traffic.citizens()).isEqualTo(11);
        assertThat(traffic.areas())
                .containsExactly(new AreaConcern("Centrum", 6L, null), new AreaConcern("Norra", 5L, null));
    }

    @Test
    void a_category_backed_by_fewer_than_three_citizens_is_shown_as_fewer_than_three_in_every_picture() {
        var dialogues = List.of(dialogue(
                "d-1",
                CODE,
                "Centrum",
                "2021-03-04T18:00+01:00",
                concern("f-1", "LIGHTING", 7, null),
                concernIn("f-2", "LIGHTING", "Tyringe", 2, null),
                concernIn("f-3", "LIGHTING", "Norra", 4, null),
                concern("f-4", "HARASSMENT", 2, null)));

        var whole = municipality(dialogues, List.of());
        var tyringe = picture(dialogues, List.of(), Optional.of("Tyringe"));
        var norra = picture(dialogues, List.of(), Optional.of("Norra"));

        Concern lighting = category(whole, "LIGHTING");
        assertThat(lighting.citizens()).isEqualTo(13);
        assertThat(lighting.areas())
                .containsExactly(
                        new AreaConcern("Centrum", 7L, null),
                        new AreaConcern("Norra", null, 3),
                        new AreaConcern("Tyringe", null, 3));
        assertThat(category(whole, "HARASSMENT"))
                .isEqualTo(new Concern("HARASSMENT", null, 3, List.of(new AreaConcern("Centrum", null, 3))));
        assertThat(category(tyringe, "LIGHTING").citizens()).isNull();
        assertThat(category(tyringe, "LIGHTING").fewerThan()).isEqualTo(3);
        assertThat(category(norra, "LIGHTING").citizens())
                .as("Norra is withheld with Tyringe, or 13 - 7 - 4 would give Tyringe away")
                .isNull();
        assertThat(whole.youSaidWeDid())
                .filteredOn(response -> response.category().equals("HARASSMENT"))
                .singleElement()
                .satisfies(response -> assertThat(response.citizens()).isNull());
    }

    @Test
    void concerns_count_in_the_window_their_dialogue_was_held_in_and_the_trend_compares_the_year_before() {
        var dialogues = List.of(
                dialogue(
                        "d-2020",
                        CODE,
                        "Centrum",
                        "2020-10-01T18:00+02:00",
                        concern("f-1", "TRAFFIC", 1, 2),
                        concern("f-2", "TRAFFIC", 1, 2),
                        concern("f-3", "TRAFFIC", 1, 3)),
                dialogue(
                        "d-2021",
                        CODE,
                        "Centrum",
                        "2021-01-01T00:30+01:00",
                        concern("f-4", "TRAFFIC", 1, 4),
                        concern("f-5", "TRAFFIC", 1, 4),
                        concern("f-6", "TRAFFIC", 1, 3)));

        var picture = municipality(dialogues, List.of());

        assertThat(category(picture, "TRAFFIC").citizens()).isEqualTo(3);
        assertThat(picture.perceivedSafety().mean()).isEqualTo(new BigDecimal("3.67"));
        assertThat(picture.perceivedSafety().trend().previousMean()).isEqualTo(new BigDecimal("2.33"));
        assertThat(picture.perceivedSafety().trend().direction()).isEqualTo("IMPROVING");
        assertThat(picture.perceivedSafety().trend().previousFrom())
                .isEqualTo(OffsetDateTime.parse("2020-01-01T00:00+01:00"));
    }

    @Test
    void activities_are_counted_by_type_and_area_without_the_cancelled_ones() {
        var activities = List.of(
                activity("a-1", 1, "TRAFFIC_CONTROL", CODE, "Väg 21", "2021-03-04T07:30+01:00", null),
                activity("a-2", 1, "TRAFFIC_CONTROL", CODE, "Centrum", "2021-03-05T07:30+01:00", null),
                activity("a-3", 1, "TRAFFIC_CONTROL", CODE, "Väg 21", "2021-03-06T07:30+01:00", null),
                cancelled(activity("a-4", 1, "TRAFFIC_CONTROL", CODE, "Väg 21", "2021-03-07T07:30+01:00", null)),
                activity("a-5", 1, "SAFETY_WALK", CODE, "Centrum", "2021-04-01T18:00+02:00", null));

        var picture = municipality(List.of(), activities);

        assertThat(picture.activities())
                .containsExactly(
                        new SituationPicture.ActivityCount(
                                "TRAFFIC_CONTROL",
                                3,
                                List.of(
                                        new SituationPicture.AreaCount("Väg 21", 2),
                                        new SituationPicture.AreaCount("Centrum", 1))),
                        new SituationPicture.ActivityCount(
                                "SAFETY_WALK", 1, List.of(new SituationPicture.AreaCount("Centrum", 1))));
    }

    @Test
    void the_latest_survey_year_not_after_the_window_is_shown_per_area_and_indicator() {
        var facts = new SituationFacts(
                CODE,
                List.of(),
                List.of(),
                List.of(
                        survey(2020, new SurveyIndicatorValue("Centrum", "LITTERING", new BigDecimal("2.1"))),
                        survey(
                                2021,
                                new SurveyIndicatorValue("Centrum", "DRUG_DEALING_IN_PUBLIC", new BigDecimal("3.4"))),
                        survey(2022, new SurveyIndicatorValue("Centrum", "LITTERING", new BigDecimal("1.0")))),
                List.of());

        var picture = SituationPictures.of(facts, Optional.empty(), YEAR_2021, NOW);

        assertThat(picture.surveyIndicators())
                .containsExactly(
                        new SituationPicture.SurveyValue(
                                "Centrum", "DRUG_DEALING_IN_PUBLIC", new BigDecimal("3.4"), 2021),
                        new SituationPicture.SurveyValue("Centrum", "LITTERING", new BigDecimal("2.1"), 2020));
    }

    @Test
    void you_said_drug_trade_and_we_did_operations_under_the_drug_trade_promise() {
        var dialogues = List.of(dialogue(
                "d-1",
                CODE,
                "Centrum",
                "2021-03-04T18:00+01:00",
                linked(concern("f-1", "DRUG_TRADE", 5, 2), "p-drugs"),
                concern("f-2", "OTHER", 3, null)));
        var activities = List.of(
                activity("a-1", 1, "DRUG_TRADE_OPERATION", CODE, "Centrum", "2021-03-20T21:00+01:00", "p-drugs"),
                activity("a-2", 1, "TRAFFIC_CONTROL", CODE, "Väg 21", "2021-03-21T08:00+01:00", null));
        var agreements = List.of(
                agreement(CODE, 2021, openDrugTrade("p-drugs", "PARTLY_FULFILLED"), trafficControls("p-traffic")));

        var picture = SituationPictures.of(facts(dialogues, activities, agreements), Optional.empty(), YEAR_2021, NOW);

        var drugTrade = picture.youSaidWeDid().get(0);
        assertThat(drugTrade.category()).isEqualTo("DRUG_TRADE");
        assertThat(drugTrade.promises()).singleElement().satisfies(promise -> {
            assertThat(promise.promiseId()).isEqualTo("p-drugs");
            assertThat(promise.addressedBy()).containsExactly("THEME", "LINKED_FEEDBACK");
            assertThat(promise.latestAssessment()).isEqualTo("PARTLY_FULFILLED");
            assertThat(promise.activitiesDone()).isEqualTo(1);
            assertThat(promise.activities()).containsExactly(new SituationPicture.TypeCount("DRUG_TRADE_OPERATION", 1));
        });
        assertThat(picture.youSaidWeDid().get(1).category()).isEqualTo("OTHER");
        assertThat(picture.youSaidWeDid().get(1).promises()).isEmpty();
    }

    @Test
    void an_areas_picture_holds_only_what_happened_there() {
        var dialogues = List.of(
                dialogue("d-1", CODE, "Centrum", "2021-03-04T18:00+01:00", concern("f-1", "TRAFFIC", 4, null)),
                dialogue("d-2", CODE, "Norra", "2021-03-05T18:00+01:00", concern("f-2", "TRAFFIC", 6, null)));
        var activities = List.of(
                activity("a-1", 1, "TRAFFIC_CONTROL", CODE, "Centrum", "2021-03-04T07:30+01:00", null),
                activity("a-2", 1, "TRAFFIC_CONTROL", CODE, "Väg 21", "2021-03-05T07:30+01:00", null));
        var agreements = List.of(agreement(CODE, 2021, trafficControls("p-traffic")));
        var facts = facts(dialogues, activities, agreements);

        var centrum = SituationPictures.of(facts, Optional.of("Centrum"), YEAR_2021, NOW);

        assertThat(centrum.area()).isEqualTo("Centrum");
        assertThat(category(centrum, "TRAFFIC").citizens()).isEqualTo(4);
        assertThat(centrum.activities().get(0).count()).isEqualTo(1);
        assertThat(centrum.youSaidWeDid().get(0).promises().get(0).activitiesDone())
                .isEqualTo(1);
        assertThat(facts.areas(YEAR_2021)).containsExactly("Centrum", "Norra", "Väg 21");
    }

    private static SituationPicture municipality(List<DialogueSnapshot> dialogues, List<ActivityEvent> activities) {
        return picture(dialogues, activities, Optional.empty());
    }

    private static SituationPicture picture(
            List<DialogueSnapshot> dialogues, List<ActivityEvent> activities, Optional<String> area) {
        return SituationPictures.of(facts(dialogues, activities, List.of()), area, YEAR_2021, NOW);
    }

    private static SituationFacts facts(
            List<DialogueSnapshot> dialogues, List<ActivityEvent> activities, List<AgreementSnapshot> agreements) {
        return new SituationFacts(
                CODE,
                dialogues.stream().flatMap(d -> RaisedConcern.of(d).stream()).toList(),
                activities.stream().map(ActivityFact::of).toList(),
                List.of(),
                agreements);
    }

    private static SurveyEvent survey(int year, SurveyIndicatorValue... values) {
        return new SurveyEvent(
                "survey-" + CODE + "-" + year, 1, CODE, year, Stream.of(values).toList(), OffsetDateTime.now());
    }

    private static Concern category(SituationPicture picture, String category) {
        return picture.concerns().stream()
                .filter(c -> c.category().equals(category))
                .findFirst()
                .orElseThrow();
    }
}
