package se.medborgarloften.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;

/** Reads {@code GET /api/progress}: what the traffic-control commitment shows as done. */
final class ProgressPage {

    private ProgressPage() {}

    /** Done in one period ("2021-12") of the traffic-control commitment. */
    static long trafficControlsDone(JsonNode report, String period) {
        return trafficControlPeriods(report)
                .filter(p -> p.path("period").asText().equals(period))
                .mapToLong(p -> p.path("done").asLong())
                .sum();
    }

    /** Done over every period of the year of the traffic-control commitment. */
    static long trafficControlsDone(JsonNode report) {
        return trafficControlPeriods(report)
                .mapToLong(p -> p.path("done").asLong())
                .sum();
    }

    private static Stream<JsonNode> trafficControlPeriods(JsonNode report) {
        return stream(report.path("agreements"))
                .flatMap(agreement -> stream(agreement.path("promises")))
                .flatMap(promise -> stream(promise.path("commitments")))
                .filter(commitment -> commitment.path("activityType").asText().equals("TRAFFIC_CONTROL"))
                .flatMap(commitment -> stream(commitment.path("periods")));
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
