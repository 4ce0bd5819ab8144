package se.medborgarloften.platform.messaging.testing;

import java.util.List;

/** Who a test token speaks for: a subject, its roles and the municipalities it may act for. */
public record TestCaller(String subject, List<String> roles, List<String> municipalities) {

    /**
     * Every role, for Skåne's 33 municipalities and the few other codes the tests use: the caller of tests about something other than access.
     * Access itself is tested with the narrow callers below.
     */
    public static final TestCaller TRUSTED = new TestCaller(
            "test-suite",
            List.of("coordinator", "police", "municipal-staff", "operator"),
            List.of(
                    "1214", "1230", "1231", "1233", "1256", "1257", "1260", "1261", "1262", "1263", "1264", "1265",
                    "1266", "1267", "1270", "1272", "1273", "1275", "1276", "1277", "1278", "1280", "1281", "1282",
                    "1283", "1284", "1285", "1286", "1287", "1290", "1291", "1292", "1293", "1294", "1295", "1296",
                    "1297"));

    public static TestCaller coordinator(String municipality) {
        return new TestCaller("coordinator-" + municipality, List.of("coordinator"), List.of(municipality));
    }

    public static TestCaller police(String municipality) {
        return new TestCaller("police-" + municipality, List.of("police"), List.of(municipality));
    }

    public static TestCaller staff(String municipality) {
        return new TestCaller("staff-" + municipality, List.of("municipal-staff"), List.of(municipality));
    }

    public static TestCaller operator() {
        return new TestCaller("operator", List.of("operator"), List.of());
    }
}
