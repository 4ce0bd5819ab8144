package se.medborgarloften.endtoend;

import tools.jackson.databind.JsonNode;

/** Reads the demo agreement's traffic-control commitment (Hässleholm 2021) out of reporting's progress report. */
public final class HassleholmTraffic {

    public static final String PROGRESS = "/api/progress?municipalityCode=1293&year=2021";

    private HassleholmTraffic() {}

    /** The commitment with its periods; an AssertionError while the agreement is not signed and followed up yet. */
    public static JsonNode commitment(JsonNode report) {
        if (report.get("agreements").isEmpty()) {
            throw new AssertionError("reporting-service has no signed agreement for 1293 2021 yet");
        }
        return report.get("agreements")
                .get(0)
                .get("promises")
                .valueStream()
                .flatMap(p -> p.get("commitments").valueStream())
                .filter(c -> c.get("activityType").asString().equals("TRAFFIC_CONTROL"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no traffic commitment in " + report));
    }

    /** One period's figure of the commitment, such as {@code 2021-03}. */
    public static JsonNode period(JsonNode commitment, String period) {
        return commitment
                .get("periods")
                .valueStream()
                .filter(p -> p.get("period").asString().equals(period))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no period " + period + " in " + commitment));
    }
}
