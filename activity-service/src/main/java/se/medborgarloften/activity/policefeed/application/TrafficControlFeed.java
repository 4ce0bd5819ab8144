package se.medborgarloften.activity.policefeed.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import se.medborgarloften.activity.activity.application.ActivityService;
import se.medborgarloften.activity.activity.application.PoliceControl;
import se.medborgarloften.activity.activity.domain.ActivityReport;
import se.medborgarloften.activity.activity.domain.TrafficControlDetails;
import se.medborgarloften.activity.activity.domain.Violation;
import se.medborgarloften.contracts.activity.ActivityType;
import se.medborgarloften.contracts.police.TrafficControlRecord;
import se.medborgarloften.platform.messaging.events.MalformedRecordException;

/**
 * Turns police traffic-control records into traffic-control activities. A record that breaks the schema or the
 * domain's rules is a {@link MalformedRecordException} naming every problem in the record's own field names: it goes
 * to the DLQ and the partition moves on.
 */
@Service
public class TrafficControlFeed {

    private final ActivityService activities;
    private final Clock clock;

    public TrafficControlFeed(ActivityService activities, Clock clock) {
        this.activities = activities;
        this.clock = clock;
    }

    /** Reads and checks a record; one that breaks the schema or the domain's rules is a MalformedRecordException. */
    public PoliceControl read(byte[] value) {
        TrafficControlRecord record = TrafficControlRecords.read(value);
        List<Violation> violations = new ArrayList<>();
        if (record.controlId() == null || record.controlId().isBlank()) {
            violations.add(new Violation("controlId", "is required"));
        }
        if (record.endedAt() == null) {
            violations.add(new Violation("endedAt", "is required"));
        }
        ActivityReport report = toReport(record, violations);
        for (Violation broken : report.violations(clock.instant())) {
            Violation named = inRecordTerms(broken);
            if (violations.stream().noneMatch(v -> v.field().equals(named.field()))) {
                violations.add(named);
            }
        }
        if (!violations.isEmpty()) {
            throw new MalformedRecordException(
                    violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        }
        return new PoliceControl(record.controlId(), report);
    }

    /**
     * Records a batch of controls; answers those refused for good, each bound for the DLQ: nothing a retry could
     * change, e.g. a correction of a control that staff have cancelled.
     */
    public Map<PoliceControl, MalformedRecordException> receiveAll(List<PoliceControl> controls) {
        Map<PoliceControl, MalformedRecordException> refused = new IdentityHashMap<>();
        activities
                .receiveAllFromPolice(controls)
                .forEach((control, reason) ->
                        refused.put(control, new MalformedRecordException(reason.getMessage(), reason)));
        return refused;
    }

    private static ActivityReport toReport(TrafficControlRecord record, List<Violation> violations) {
        var location = record.location();
        var details = new TrafficControlDetails(
                kind(record.kind(), violations),
                record.targeted(),
                record.vehiclesChecked(),
                record.violations(),
                record.breathTests(),
                record.positiveBreathTests(),
                record.finesByReason(),
                record.vehiclesSeized(),
                record.unit(),
                location == null
                        ? null
                        : new TrafficControlDetails.Location(location.name(), location.lat(), location.lon()));
        return new ActivityReport(
                ActivityType.TRAFFIC_CONTROL,
                record.municipalityCode(),
                location == null ? null : location.name(),
                record.startedAt() == null ? null : record.startedAt().toInstant(),
                record.endedAt() == null ? null : record.endedAt().toInstant(),
                details,
                null,
                record.controlId());
    }

    private static TrafficControlDetails.Kind kind(String kind, List<Violation> violations) {
        if (kind == null) {
            return null;
        }
        try {
            return TrafficControlDetails.Kind.valueOf(kind);
        } catch (IllegalArgumentException unknown) {
            violations.add(new Violation(
                    "kind",
                    "unknown kind " + kind + ", must be one of "
                            + Arrays.toString(TrafficControlDetails.Kind.values())));
            return null;
        }
    }

    /** A domain rule's field as the police record names it: occurredAt is startedAt, the area the location's name. */
    private static Violation inRecordTerms(Violation violation) {
        String field = violation.field();
        if (field.equals("occurredAt")) {
            field = "startedAt";
        } else if (field.equals("area")) {
            field = "location.name";
        } else if (field.equals("externalId")) {
            field = "controlId";
        } else if (field.startsWith("details.")) {
            field = field.substring("details.".length());
        }
        return new Violation(field, violation.message().replace("occurredAt", "startedAt"));
    }
}
