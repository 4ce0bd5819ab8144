package se.medborgarloften.platform.messaging.testing;

import java.util.List;

/** Who a test token speaks for: a subject, its roles and the municipalities it may act for. */
public record TestCaller(String subject, List<String> roles, List<String> municipalities) {

    /**
     * Every role, for every municipality the tests use: the caller of tests about something other than access.
     * Access itself is tested with the narrow callers below.
     */
    public static final TestCaller TRUSTED = new TestCaller(
            "test-suite",
            List.of("coordinator", "police", "municipal-staff", "operator"),
            List.of("1280", "1281", "1290", "1291", "1293", "1294", "1296"));

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
