package se.medborgarloften.benchmark;

import java.util.Locale;

/**
 * Police traffic-control records as {@code police.traffic-controls.v1} carries them (README, "Try it"): targeted
 * controls in Hässleholm, each with its own controlId, so each moves the monthly commitment of its month by one.
 */
final class PoliceRecords {

    private final String prefix;

    /** @param run tells this run's controls apart from any other's */
    PoliceRecords(String run) {
        this.prefix = "RPS-1293-BENCH-" + run + "-";
    }

    String controlId(String phase, long number) {
        return prefix + phase + "-" + String.format(Locale.ROOT, "%08d", number);
    }

    /** The activity id that activity-service gives the control, which keys its events. */
    static String activityId(String controlId) {
        return "tc-" + controlId;
    }

    /** A targeted control on {@code day} of {@code month} 2021, 07:30 to 09:00 Swedish winter time. */
    static String record(String controlId, int month, int day) {
        String date = String.format(Locale.ROOT, "2021-%02d-%02d", month, day);
        return "{\"controlId\":\"" + controlId + "\",\"municipalityCode\":\"1293\","
                + "\"location\":{\"name\":\"Väg 21 norr om Hässleholm\",\"lat\":56.17,\"lon\":13.77},"
                + "\"startedAt\":\"" + date + "T07:30:00+01:00\",\"endedAt\":\"" + date + "T09:00:00+01:00\","
                + "\"kind\":\"SPEED\",\"targeted\":true,\"vehiclesChecked\":120,\"violations\":7,"
                + "\"unit\":\"LPO Hässleholm\"}";
    }
}
