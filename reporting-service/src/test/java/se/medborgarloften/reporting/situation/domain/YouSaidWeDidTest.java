package se.medborgarloften.reporting.situation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static se.medborgarloften.reporting.situation.SituationFixtures.activity;
import static se.medborgarloften.reporting.situation.SituationFixtures.agreement;
import static se.medborgarloften.reporting.situation.SituationFixtures.cancelled;
import static se.medborgarloften.reporting.situation.SituationFixtures.openDrugTrade;
import static se.medborgarloften.reporting.situation.SituationFixtures.safetyWalk;
import static se.medborgarloften.reporting.situation.SituationFixtures.trafficControls;

import java.util.Set;
import org.junit.jupiter.api.Test;

class YouSaidWeDidTest {

    @Test
    void a_traffic_concern_is_answered_by_the_traffic_promise_by_its_theme() {
        assertThat(YouSaidWeDid.addressedBy("TRAFFIC", trafficControls("p-t"), Set.of()))
                .containsExactly(YouSaidWeDid.BY_THEME);
        assertThat(YouSaidWeDid.addressedBy("TRAFFIC", safetyWalk("p-w"), Set.of()))
                .isEmpty();
    }

    @Test
    void poor_lighting_and_youth_gatherings_are_answered_by_the_safety_walk() {
        assertThat(YouSaidWeDid.addressedBy("LIGHTING", safetyWalk("p-w"), Set.of()))
                .containsExactly(YouSaidWeDid.BY_THEME);
        assertThat(YouSaidWeDid.addressedBy("YOUTH_GATHERING", safetyWalk("p-w"), Set.of()))
                .containsExactly(YouSaidWeDid.BY_THEME);
    }

    @Test
    void a_theme_named_like_the_category_answers_it_without_a_listing() {
        assertThat(YouSaidWeDid.themeMatches("LITTERING", "LITTERING")).isTrue();
        assertThat(YouSaidWeDid.themeMatches("OTHER", "SAFETY_WALK")).isFalse();
    }

    @Test
    void a_concern_linked_to_a_promise_is_answered_by_it_whatever_its_theme() {
        assertThat(YouSaidWeDid.addressedBy("OTHER", safetyWalk("p-w"), Set.of("p-w")))
                .containsExactly(YouSaidWeDid.BY_LINKED_FEEDBACK);
        assertThat(YouSaidWeDid.addressedBy("DRUG_TRADE", openDrugTrade("p-d", null), Set.of("p-d")))
                .containsExactly(YouSaidWeDid.BY_THEME, YouSaidWeDid.BY_LINKED_FEEDBACK);
    }

    @Test
    void an_activity_reported_under_a_promise_is_done_under_it_whatever_its_type() {
        var promise = openDrugTrade("p-d", null);
        var operation = ActivityFact.of(
                activity("a-1", 1, "DRUG_TRADE_OPERATION", "1293", "Centrum", "2021-05-06T20:00+02:00", "p-d"));

        assertThat(YouSaidWeDid.doneUnder(agreement("1293", 2021, promise), promise, operation))
                .isTrue();
    }

    @Test
    void an_activity_of_a_commitments_type_is_done_under_the_promise_in_its_municipality_and_year() {
        var promise = trafficControls("p-t");
        var agreement = agreement("1293", 2021, promise);

        assertThat(YouSaidWeDid.doneUnder(agreement, promise, control("1293", "2021-12-31T23:30+01:00")))
                .isTrue();
        assertThat(YouSaidWeDid.doneUnder(agreement, promise, control("1294", "2021-05-06T08:00+02:00")))
                .isFalse();
        assertThat(YouSaidWeDid.doneUnder(agreement, promise, control("1293", "2022-01-01T00:30+01:00")))
                .isFalse();
        assertThat(YouSaidWeDid.doneUnder(
                        agreement,
                        promise,
                        ActivityFact.of(
                                activity("a-2", 1, "SAFETY_WALK", "1293", "Centrum", "2021-05-06T18:00+02:00", null))))
                .isFalse();
    }

    @Test
    void a_cancelled_activity_is_done_under_nothing() {
        var promise = trafficControls("p-t");
        var control = activity("a-3", 1, "TRAFFIC_CONTROL", "1293", "Väg 21", "2021-05-06T08:00+02:00", "p-t");

        assertThat(YouSaidWeDid.doneUnder(
                        agreement("1293", 2021, promise), promise, ActivityFact.of(cancelled(control))))
                .isFalse();
    }

    private static ActivityFact control(String code, String at) {
        return ActivityFact.of(activity("tc-" + code + at, 1, "TRAFFIC_CONTROL", code, "Väg 21", at, null));
    }
}
