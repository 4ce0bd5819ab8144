package se.medborgarloften.activity.activity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import se.medborgarloften.activity.activity.domain.SafetyWalkDetails.Action;
import se.medborgarloften.activity.activity.domain.SafetyWalkDetails.Finding;
import se.medborgarloften.activity.activity.domain.SafetyWalkDetails.Status;
import se.medborgarloften.activity.activity.domain.TrafficControlDetails.Kind;
import se.medborgarloften.activity.activity.domain.TrafficControlDetails.Location;
import se.medborgarloften.contracts.activity.ActivityType;

class ActivityRulesTest {

    static final Instant NOW = Instant.parse("2021-06-01T10:00:00Z");
    static final Instant MORNING = Instant.parse("2021-03-04T06:30:00Z");

    static final TrafficControlDetails SPEED_CONTROL = new TrafficControlDetails(
            Kind.SPEED,
            true,
            120,
            7,
            null,
            null,
            Map.of("Hastighet", 6, "Bälte", 1),
            null,
            "LPO Hässleholm",
            new Location("Väg 21 norr om Hässleholm", 56.17, 13.77));

    @Test
    void a_report_of_each_type_with_its_own_details_is_accepted() {
        List<ActivityDetails> valid = List.of(
                SPEED_CONTROL,
                new SafetyWalkDetails(
                        null,
                        "Stationsområdet",
                        14,
                        List.of(new Finding(
                                null,
                                "Mörk gångtunnel",
                                "Tunneln vid Norra station",
                                new Action(
                                        "Byt belysning",
                                        "Tekniska förvaltningen",
                                        LocalDate.of(2021, 9, 1),
                                        Status.OPEN,
                                        null)))),
                new ContactMeetingDetails(23),
                new DrugTradeOperationDetails(12, 2, 3, 4),
                new KeyCriminalActionDetails(3, 1, null, 2),
                new VisiblePresenceDetails("Torget", new BigDecimal("1.5")),
                new OtherDetails("Information om bostadsinbrott på biblioteket"));

        for (ActivityDetails details : valid) {
            assertThat(report(details.type(), details).violations(NOW))
                    .as(details.type().name())
                    .isEmpty();
        }
        assertThat(valid).extracting(ActivityDetails::type).containsExactlyInAnyOrder(ActivityType.values());
    }

    @Test
    void a_traffic_control_always_says_its_kind_whether_targeted_and_what_it_checked_and_found() {
        var empty = new TrafficControlDetails(null, null, null, null, null, null, null, null, null, null);

        assertThat(fields(report(ActivityType.TRAFFIC_CONTROL, empty)))
                .containsExactly("details.kind", "details.targeted", "details.vehiclesChecked", "details.violations");
    }

    @Test
    void traffic_control_counts_are_never_negative_and_positive_breath_tests_are_among_those_taken() {
        var impossible = new TrafficControlDetails(
                Kind.SOBRIETY,
                false,
                -1,
                -2,
                10,
                11,
                Map.of("Rattfylleri", -1, "a.b", 1),
                -3,
                " ",
                new Location("", 91.0, null));

        assertThat(fields(report(ActivityType.TRAFFIC_CONTROL, impossible)))
                .containsExactlyInAnyOrder(
                        "details.vehiclesChecked",
                        "details.violations",
                        "details.positiveBreathTests",
                        "details.vehiclesSeized",
                        "details.unit",
                        "details.finesByReason.Rattfylleri",
                        "details.finesByReason",
                        "details.location.name",
                        "details.location.lat",
                        "details.location.lat");
    }

    @Test
    void a_safety_walk_has_a_route_or_place_walkers_and_each_action_someone_responsible_and_a_rejection_a_reason() {
        var walk = new SafetyWalkDetails(
                null,
                null,
                0,
                List.of(
                        new Finding(
                                null,
                                "Klotter",
                                null,
                                new Action("Sanera", "Fastighetsägaren", null, Status.DONE, null)),
                        new Finding(null, "", null, new Action("Sätt upp lampa", null, null, Status.REJECTED, null)),
                        new Finding("f-1", "Buskage", null, new Action("Klipp", "Gatukontoret", null, null, null)),
                        new Finding("f-1", "Lampa", null, null),
                        new Finding("en lampa", "Lampa", null, null)));

        assertThat(fields(report(ActivityType.SAFETY_WALK, walk)))
                .containsExactlyInAnyOrder(
                        "details.place",
                        "details.participants",
                        "details.findings[1].description",
                        "details.findings[1].action.responsible",
                        "details.findings[1].action.reason",
                        "details.findings[2].action.status",
                        "details.findings[3].id",
                        "details.findings[4].id");
    }

    @Test
    void each_finding_is_named_by_its_position_when_reported_and_keeps_its_id_through_a_reordered_correction() {
        var walk = walk(finding(null, "Mörk gångtunnel", Status.OPEN), finding(null, "Klotter", Status.OPEN));
        assertThat(walk.findings()).extracting(Finding::id).containsExactly("f-1", "f-2");
        assertThat(walk(finding(null, "Mörk gångtunnel", Status.OPEN), finding(null, "Klotter", Status.OPEN)))
                .as("the same walk reported again is the same walk")
                .isEqualTo(walk);

        var reordered = walk(
                finding("f-2", "Klotter", Status.OPEN),
                finding(null, "Trasig bänk", Status.OPEN),
                finding("f-1", "Mörk gångtunnel", Status.OPEN));
        assertThat(reordered.findings()).extracting(Finding::id).containsExactly("f-2", "f-4", "f-1");
        assertThat(fields(report(ActivityType.SAFETY_WALK, reordered))).isEmpty();
    }

    @Test
    void an_action_item_is_closed_or_rejected_with_a_reason_on_a_walk_that_stands() {
        Activity activity = Activity.reportedByStaff(
                report(
                        ActivityType.SAFETY_WALK,
                        walk(
                                finding(null, "Mörk gångtunnel", Status.OPEN),
                                new Finding(null, "Fint torg", null, null))),
                NOW);

        Activity done = activity.updateFindingAction("f-1", Status.DONE, null);
        SafetyWalkDetails details = (SafetyWalkDetails) done.details();
        assertThat(details.findings().get(0).action().status()).isEqualTo(Status.DONE);
        assertThat(details.findings().get(0).action().responsible()).isEqualTo("Tekniska förvaltningen");
        assertThat(details.findings().get(1))
                .isEqualTo(((SafetyWalkDetails) activity.details()).findings().get(1));

        assertThatThrownBy(() -> activity.updateFindingAction("f-1", Status.REJECTED, " "))
                .isInstanceOfSatisfying(
                        InvalidActivityException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("reason"));
        Activity rejected = activity.updateFindingAction("f-1", Status.REJECTED, "Trafikverkets tunnel");
        assertThat(((SafetyWalkDetails) rejected.details())
                        .findings()
                        .get(0)
                        .action()
                        .reason())
                .isEqualTo("Trafikverkets tunnel");
        assertThatThrownBy(() -> activity.updateFindingAction("f-9", Status.DONE, null))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> activity.updateFindingAction("f-2", Status.DONE, null))
                .as("a finding without an agreed action")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> activity.cancel("Dubbelregistrerad").updateFindingAction("f-1", Status.DONE, null))
                .isInstanceOf(IllegalStateException.class);
        Activity meeting =
                Activity.reportedByStaff(report(ActivityType.CONTACT_MEETING, new ContactMeetingDetails(5)), NOW);
        assertThatThrownBy(() -> meeting.updateFindingAction("f-1", Status.DONE, null))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void meetings_presence_and_other_activities_say_what_makes_them_count() {
        assertThat(fields(report(ActivityType.CONTACT_MEETING, new ContactMeetingDetails(0))))
                .containsExactly("details.attendees");
        assertThat(fields(report(ActivityType.VISIBLE_PRESENCE, new VisiblePresenceDetails(null, BigDecimal.ZERO))))
                .containsExactly("details.place", "details.hours");
        assertThat(fields(report(ActivityType.VISIBLE_PRESENCE, new VisiblePresenceDetails("Torget", null))))
                .containsExactly("details.hours");
        assertThat(fields(report(ActivityType.OTHER, new OtherDetails(" ")))).containsExactly("details.description");
        assertThat(fields(report(ActivityType.DRUG_TRADE_OPERATION, new DrugTradeOperationDetails(-1, null, null, 0))))
                .containsExactly("details.personsChecked");
        assertThat(fields(report(ActivityType.KEY_CRIMINAL_ACTION, new KeyCriminalActionDetails(null, -1, -1, null))))
                .containsExactly("details.arrests", "details.seizures");
    }

    @Test
    void every_activity_names_its_municipality_and_area_and_happened_in_order_and_not_days_ahead() {
        var report = new ActivityReport(
                ActivityType.OTHER, "12", "", NOW.plus(Duration.ofDays(2)), NOW, new OtherDetails("x"), "", null);

        assertThat(fields(report)).containsExactly("municipalityCode", "area", "occurredAt", "endedAt", "promiseId");
        var tomorrow = new ActivityReport(
                ActivityType.OTHER,
                "1293",
                "Centrum",
                NOW.plus(Duration.ofHours(23)),
                null,
                new OtherDetails("x"),
                null,
                null);
        assertThat(tomorrow.violations(NOW)).isEmpty();
    }

    @Test
    void details_of_another_type_are_refused() {
        assertThat(fields(report(ActivityType.SAFETY_WALK, new ContactMeetingDetails(5))))
                .containsExactly("details");
    }

    @Test
    void the_same_staff_report_gets_the_same_id_and_a_police_control_is_named_by_its_control_id() {
        var withExternalId = new ActivityReport(
                ActivityType.CONTACT_MEETING,
                "1293",
                "Centrum",
                MORNING,
                null,
                new ContactMeetingDetails(5),
                null,
                "intranet-42");

        assertThat(Activity.reportedByStaff(withExternalId, NOW).id())
                .isEqualTo(Activity.reportedByStaff(withExternalId, NOW).id());
        assertThat(Activity.reportedByStaff(report(ActivityType.OTHER, new OtherDetails("x")), NOW)
                        .id())
                .isNotEqualTo(Activity.reportedByStaff(report(ActivityType.OTHER, new OtherDetails("x")), NOW)
                        .id());
        Activity police = Activity.fromPoliceFeed("RPS-1", report(ActivityType.TRAFFIC_CONTROL, SPEED_CONTROL), NOW);
        assertThat(police.id()).isEqualTo("tc-RPS-1");
        assertThat(police.externalId()).isEqualTo("RPS-1");
        assertThat(police.origin()).isEqualTo(Origin.POLICE_FEED);
    }

    @Test
    void a_cancelled_activity_is_kept_with_its_reason_and_is_neither_cancelled_again_nor_corrected() {
        Activity activity = Activity.reportedByStaff(report(ActivityType.OTHER, new OtherDetails("x")), NOW);

        assertThatThrownBy(() -> activity.cancel(" ")).isInstanceOf(InvalidActivityException.class);
        Activity cancelled = activity.cancel("Dubbelregistrerad");
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.cancellationReason()).isEqualTo("Dubbelregistrerad");
        assertThat(cancelled.reports(activity.asReport())).isTrue();
        assertThatThrownBy(() -> cancelled.cancel("igen")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cancelled.correct(activity.asReport(), NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_correction_keeps_what_identifies_the_activity() {
        var report = new ActivityReport(
                ActivityType.CONTACT_MEETING,
                "1293",
                "Centrum",
                MORNING,
                null,
                new ContactMeetingDetails(5),
                null,
                "intranet-42");
        Activity activity = Activity.reportedByStaff(report, NOW);
        var renamed = new ActivityReport(
                ActivityType.CONTACT_MEETING,
                "1293",
                "Centrum",
                MORNING,
                null,
                new ContactMeetingDetails(6),
                null,
                "intranet-43");

        assertThatThrownBy(() -> activity.correct(renamed, NOW))
                .isInstanceOfSatisfying(
                        InvalidActivityException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactly("externalId"));
        var corrected = activity.correct(
                new ActivityReport(
                        ActivityType.CONTACT_MEETING,
                        "1293",
                        "Centrum",
                        MORNING,
                        null,
                        new ContactMeetingDetails(6),
                        null,
                        null),
                NOW);
        assertThat(corrected.externalId()).isEqualTo("intranet-42");
        assertThat(corrected.details()).isEqualTo(new ContactMeetingDetails(6));
    }

    @Test
    void a_repeat_in_finer_precision_than_the_store_keeps_or_with_equal_hours_is_the_same_report() {
        var first = new ActivityReport(
                ActivityType.VISIBLE_PRESENCE,
                "1293",
                "Centrum",
                MORNING.plusNanos(123_456_789),
                null,
                new VisiblePresenceDetails("Torget", new BigDecimal("1.50")),
                null,
                null);
        Activity activity = Activity.reportedByStaff(first, NOW);
        var repeat = new ActivityReport(
                ActivityType.VISIBLE_PRESENCE,
                "1293",
                "Centrum",
                MORNING.plusMillis(123),
                null,
                new VisiblePresenceDetails("Torget", new BigDecimal("1.5")),
                null,
                null);

        assertThat(activity.reports(repeat)).isTrue();
    }

    private static ActivityReport report(ActivityType type, ActivityDetails details) {
        return new ActivityReport(
                type, "1293", "Hässleholm centrum", MORNING, MORNING.plusSeconds(5400), details, null, null);
    }

    private static SafetyWalkDetails walk(Finding... findings) {
        return new SafetyWalkDetails(null, "Stationsområdet", 14, List.of(findings));
    }

    private static Finding finding(String id, String description, Status status) {
        return new Finding(
                id,
                description,
                null,
                new Action("Åtgärda", "Tekniska förvaltningen", LocalDate.of(2021, 9, 1), status, null));
    }

    private static List<String> fields(ActivityReport report) {
        return report.violations(NOW).stream().map(Violation::field).toList();
    }
}
