package se.medborgarloften.reporting.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.medborgarloften.reporting.situation.SituationFixtures.activity;
import static se.medborgarloften.reporting.situation.SituationFixtures.cancelled;

import java.time.Duration;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.contracts.activity.ActivityEvent;
import se.medborgarloften.contracts.activity.ActivityEventTypes;
import se.medborgarloften.contracts.reporting.SituationPicture;
import se.medborgarloften.contracts.reporting.SituationPicture.ActivityCount;
import se.medborgarloften.contracts.reporting.SituationPicture.AreaCount;
import se.medborgarloften.platform.messaging.testing.Api;
import se.medborgarloften.platform.messaging.testing.EventPublisher;
import se.medborgarloften.platform.messaging.testing.ServiceIntegrationTest;
import se.medborgarloften.reporting.rebuild.ReadModelRebuild;
import se.medborgarloften.reporting.rebuild.RebuildStatus;
import se.medborgarloften.reporting.situation.application.SituationBook;
import se.medborgarloften.reporting.situation.application.SituationRefresher;

/**
 * When the published pictures are drawn: the consumers store each event and mark its pictures, and the refresher
 * draws what is marked, as often as it can rather than once per event. What is published must still count every
 * event once, survive a crash between marking and drawing, and not move for events older than the pictures show.
 */
@ServiceIntegrationTest
class SituationRedrawTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int THIS_YEAR = Year.now(ZoneId.of("Europe/Stockholm")).getValue();
    private static final String TRAFFIC_CONTROL = "TRAFFIC_CONTROL";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Autowired
    SituationBook book;

    @Autowired
    SituationRefresher refresher;

    @Autowired
    ReadModelRebuild rebuild;

    @Autowired
    MongoTemplate mongo;

    EventPublisher events;

    @BeforeEach
    void connect() {
        events = new EventPublisher(brokers);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void a_burst_of_traffic_controls_ends_in_pictures_that_count_each_control_once() {
        String code = "1501";
        List<String> roads = List.of("Väg 21", "Väg 23", "Väg 117");
        int recorded = 300;
        for (int i = 0; i < recorded; i++) {
            ActivityEvent control = trafficControl("tc-1501-" + i, 1, code, roads.get(i % 3), THIS_YEAR + "-03-04");
            recorded(control);
            if (i % 3 == 0 && i < 90) {
                events.publish(Topics.ACTIVITY_EVENTS, ActivityEventTypes.CANCELLED, cancelled(control));
            }
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(controls(code)).isEqualTo(270);
            assertThat(controls(code + ":Väg 21"))
                    .as("thirty of its hundred cancelled")
                    .isEqualTo(70);
            assertThat(controls(code + ":Väg 23")).isEqualTo(100);
            assertThat(controls(code + ":Väg 117")).isEqualTo(100);
            assertThat(marked(code)).as("nothing left to draw").isFalse();
        });
        assertThat(book.find(code).orElseThrow().activities())
                .as("the published picture is the one the views give for this year")
                .isEqualTo(activitiesShownByTheApi(code));
    }

    @Test
    void a_mark_left_undrawn_by_a_crash_is_drawn_when_the_service_starts_again() {
        String code = "1502";
        refresher.stop();
        try {
            recorded(trafficControl("tc-1502-1", 1, code, "Väg 21", THIS_YEAR + "-02-03"));
            await().atMost(PATIENCE).until(() -> marked(code));
            assertThat(book.find(code)).as("marked, not drawn").isEmpty();
        } finally {
            refresher.start();
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(controls(code)).isEqualTo(1);
            assertThat(controls(code + ":Väg 21")).isEqualTo(1);
            assertThat(marked(code)).isFalse();
        });
    }

    @Test
    void a_control_of_an_earlier_year_moves_no_picture_but_a_correction_into_an_earlier_year_takes_its_count_away() {
        String code = "1503";
        ActivityEvent control = trafficControl("tc-1503-1", 1, code, "Väg 21", THIS_YEAR + "-02-03");
        recorded(control);
        await().atMost(PATIENCE).until(() -> controls(code) == 1 && controls(code + ":Väg 21") == 1);
        long drawn = version(code);

        recorded(trafficControl("tc-1503-2", 1, code, "Gamla vägen", (THIS_YEAR - 1) + "-06-03"));
        await().atMost(PATIENCE)
                .until(() -> mongo.findById("tc-1503-2", Document.class, "situation_activities") != null);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(version(code)).as("the picture is not written again").isEqualTo(drawn);
            assertThat(book.find(code + ":Gamla vägen"))
                    .as("nor one drawn for the old road")
                    .isEmpty();
        });

        events.publish(
                Topics.ACTIVITY_EVENTS,
                ActivityEventTypes.CORRECTED,
                trafficControl("tc-1503-1", 2, code, "Väg 21", (THIS_YEAR - 1) + "-12-30"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(controls(code)).isZero();
            assertThat(controls(code + ":Väg 21")).isZero();
            assertThat(version(code)).isEqualTo(drawn + 1);
        });
    }

    @Test
    void a_rebuild_is_done_only_once_the_published_pictures_are_drawn_again() {
        String code = "1504";
        recorded(trafficControl("tc-1504-1", 1, code, "Väg 21", THIS_YEAR + "-05-06"));
        recorded(trafficControl("tc-1504-2", 1, code, "Väg 23", THIS_YEAR + "-05-07"));
        await().atMost(PATIENCE).until(() -> controls(code) == 2);

        refresher.stop();
        try {
            rebuild.start();
            await().atMost(PATIENCE).until(() -> rebuild.status().state() != RebuildStatus.State.RUNNING);
            assertThat(rebuild.status().state()).isEqualTo(RebuildStatus.State.DONE);
            assertThat(controls(code))
                    .as("drawn by the rebuild itself, the refresher being stopped")
                    .isEqualTo(2);
            assertThat(controls(code + ":Väg 23")).isEqualTo(1);
        } finally {
            refresher.start();
        }
    }

    private void recorded(ActivityEvent control) {
        events.publish(Topics.ACTIVITY_EVENTS, ActivityEventTypes.RECORDED, control);
    }

    private static ActivityEvent trafficControl(String id, long version, String code, String road, String day) {
        return activity(id, version, TRAFFIC_CONTROL, code, road, day + "T08:00+01:00", null);
    }

    /** The traffic controls the published picture of {@code key} counts; none while it is not published. */
    private long controls(String key) {
        Optional<SituationPicture> picture = book.find(key);
        return picture.stream()
                .flatMap(p -> p.activities().stream())
                .filter(type -> type.type().equals(TRAFFIC_CONTROL))
                .mapToLong(ActivityCount::count)
                .sum();
    }

    private List<ActivityCount> activitiesShownByTheApi(String code) {
        return new Api(port)
                .get("/api/situation/" + code)
                .json()
                .get("activities")
                .valueStream()
                .map(type -> new ActivityCount(
                        type.get("type").asString(),
                        type.get("count").asLong(),
                        type.get("areas")
                                .valueStream()
                                .map(area -> new AreaCount(
                                        area.get("area").asString(),
                                        area.get("count").asLong()))
                                .toList()))
                .toList();
    }

    private boolean marked(String code) {
        return mongo.findById(code, Document.class, "situation_redraws") != null;
    }

    private long version(String key) {
        return mongo.findById(key, Document.class, "situation_pictures")
                .get("version", Number.class)
                .longValue();
    }
}
