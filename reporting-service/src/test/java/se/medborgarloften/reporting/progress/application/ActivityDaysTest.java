package se.medborgarloften.reporting.progress.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import se.medborgarloften.contracts.PeriodKey;
import se.medborgarloften.contracts.activity.ActivityEvent;
import se.medborgarloften.platform.messaging.testing.EmbeddedMongo;
import se.medborgarloften.reporting.progress.domain.DayCount;
import se.medborgarloften.reporting.progress.domain.ProgressWindow;
import se.medborgarloften.reporting.progress.domain.Tally;

/** The day counts on the Mongo wire server: moves, redeliveries and replays after a crash between two days. */
class ActivityDaysTest {

    private static final ProgressWindow MARCH = ProgressWindow.of(
            PeriodKey.parse("2021-03").orElseThrow(), LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31));
    private static final ProgressWindow APRIL = ProgressWindow.of(
            PeriodKey.parse("2021-04").orElseThrow(), LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31));

    private MongoClient client;
    private ActivityDays days;

    @BeforeEach
    void connect() {
        String database = "activity-days-" + UUID.randomUUID();
        client = MongoClients.create(EmbeddedMongo.uri(database));
        days = new ActivityDays(new MongoTemplate(client, database));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void an_activity_counts_once_however_often_its_event_is_applied() {
        ActivityEvent control = control("a", 1, "2021-03-05T08:00:00+01:00", 120, false);

        move(Optional.empty(), DayCount.of(control));
        move(Optional.empty(), DayCount.of(control));

        assertThat(tally(MARCH)).isEqualTo(new Tally(1, 120, 7));
    }

    @Test
    void a_correction_moves_the_count_to_its_new_month_and_a_replay_of_it_changes_nothing() {
        ActivityEvent first = control("a", 1, "2021-03-31T23:30:00+02:00", 120, false);
        ActivityEvent moved = control("a", 2, "2021-04-02T08:00:00+02:00", 80, false);
        move(Optional.empty(), DayCount.of(first));

        move(DayCount.of(first), DayCount.of(moved));
        move(DayCount.of(first), DayCount.of(moved));

        assertThat(tally(MARCH)).isEqualTo(Tally.NONE);
        assertThat(tally(APRIL)).isEqualTo(new Tally(1, 80, 7));
    }

    @Test
    void a_correction_within_its_day_replaces_its_figures() {
        ActivityEvent first = control("a", 1, "2021-03-05T08:00:00+01:00", 120, false);
        ActivityEvent corrected = control("a", 2, "2021-03-05T09:00:00+01:00", 95, false);
        move(Optional.empty(), DayCount.of(first));
        move(Optional.empty(), DayCount.of(control("b", 1, "2021-03-05T10:00:00+01:00", 10, false)));

        move(DayCount.of(first), DayCount.of(corrected));
        move(DayCount.of(first), DayCount.of(corrected));

        assertThat(tally(MARCH)).isEqualTo(new Tally(2, 105, 14));
    }

    @Test
    void a_cancelled_activity_leaves_its_day_and_a_redelivered_cancellation_does_not_take_another() {
        ActivityEvent a = control("a", 1, "2021-03-05T08:00:00+01:00", 120, false);
        ActivityEvent b = control("b", 1, "2021-03-05T10:00:00+01:00", 10, false);
        ActivityEvent cancelled = control("a", 2, "2021-03-05T08:00:00+01:00", 120, true);
        move(Optional.empty(), DayCount.of(a));
        move(Optional.empty(), DayCount.of(b));

        move(DayCount.of(a), DayCount.of(cancelled));
        move(DayCount.of(a), DayCount.of(cancelled));

        assertThat(tally(MARCH)).isEqualTo(new Tally(1, 10, 7));
    }

    @Test
    void an_event_replayed_after_a_crash_between_its_two_days_completes_the_move() {
        ActivityEvent first = control("a", 1, "2021-03-20T08:00:00+01:00", 120, false);
        ActivityEvent moved = control("a", 2, "2021-04-20T08:00:00+02:00", 120, false);
        move(Optional.empty(), DayCount.of(first));
        move(DayCount.of(first), Optional.empty());

        move(DayCount.of(first), DayCount.of(moved));

        assertThat(tally(MARCH)).isEqualTo(Tally.NONE);
        assertThat(tally(APRIL)).isEqualTo(new Tally(1, 120, 7));
    }

    @Test
    void a_batch_moves_many_activities_at_once_and_its_replay_changes_nothing() {
        List<ActivityDays.Move> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(new ActivityDays.Move(
                    Optional.empty(),
                    DayCount.of(control("m" + i, 1, "2021-03-%02dT08:00:00+01:00".formatted(1 + i % 28), 2, false))));
        }
        ActivityEvent a = control("m0", 1, "2021-03-01T08:00:00+01:00", 2, false);
        days.moveAll(batch);
        days.moveAll(batch);
        days.moveAll(List.of(new ActivityDays.Move(
                DayCount.of(a), DayCount.of(control("m0", 2, "2021-04-01T08:00:00+02:00", 2, false)))));

        assertThat(tally(MARCH)).isEqualTo(new Tally(49, 98, 343));
        assertThat(tally(APRIL)).isEqualTo(new Tally(1, 2, 7));
    }

    @Test
    void an_area_with_dots_and_dollars_is_a_facet_of_its_own() {
        move(Optional.empty(), DayCount.of(control("a", 1, "2021-03-05T08:00:00+01:00", 1, false)));
        ActivityEvent odd = control("b", 1, "2021-03-05T08:00:00+01:00", 2, false);
        move(
                Optional.empty(),
                DayCount.of(new ActivityEvent(
                        odd.aggregateId(),
                        1,
                        odd.activityType(),
                        "1293",
                        "$St. Petri.torg",
                        odd.occurredAt(),
                        odd.endedAt(),
                        odd.details(),
                        null,
                        null,
                        "POLICE_FEED",
                        false,
                        null)));

        assertThat(days.tally("1293", "TRAFFIC_CONTROL", MARCH, facet -> "$St. Petri.torg".equals(facet.area())))
                .isEqualTo(new Tally(1, 2, 7));
    }

    private void move(Optional<DayCount> before, Optional<DayCount> after) {
        days.moveAll(List.of(new ActivityDays.Move(before, after)));
    }

    private Tally tally(ProgressWindow window) {
        return days.tally("1293", "TRAFFIC_CONTROL", window, facet -> Boolean.TRUE.equals(facet.targeted()));
    }

    private static ActivityEvent control(String id, long version, String at, int vehicles, boolean cancelled) {
        OffsetDateTime occurredAt = OffsetDateTime.parse(at);
        return new ActivityEvent(
                id,
                version,
                "TRAFFIC_CONTROL",
                "1293",
                "Hässleholm",
                occurredAt,
                occurredAt.plusHours(1),
                Map.of("kind", "SPEED", "targeted", true, "vehiclesChecked", vehicles, "violations", 7),
                null,
                null,
                "POLICE_FEED",
                cancelled,
                cancelled ? "duplicate" : null);
    }
}
