package se.medborgarloften.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Years of history on {@code activity.events.v1}, written as activity-service writes its events: a real event of
 * this run is the template, and each historical one differs in its activity, its event id and its dates. They are
 * Hässleholm's traffic controls of ten years, 2016 to 2025, so one in ten counts for the signed 2021 agreement.
 */
final class HistoryEvents {

    static final int FIRST_YEAR = 2016;
    static final int YEARS = 10;

    private static final Pattern EVENT_ID = Pattern.compile("\"id\":\"[0-9a-f-]{36}\"");
    private static final Pattern OCCURRED = Pattern.compile("\"occurredAt\":\"[^\"]+\"");
    private static final Pattern ENDED = Pattern.compile("\"endedAt\":\"[^\"]+\"");

    private final String[] parts;
    private final Headers headers;

    /** @param template an event of a police control, keyed {@code tc-<controlId>} */
    HistoryEvents(ConsumerRecord<byte[], byte[]> template) {
        String key = new String(template.key(), StandardCharsets.UTF_8);
        String controlId = key.substring("tc-".length());
        String value = new String(template.value(), StandardCharsets.UTF_8);
        value = replaceFirst(EVENT_ID, value, "\"id\":\"\u0001ID\u0001\"");
        value = replaceFirst(OCCURRED, value, "\"occurredAt\":\"\u0001START\u0001\"");
        value = replaceFirst(ENDED, value, "\"endedAt\":\"\u0001END\u0001\"");
        value = value.replace(controlId, "\u0001CONTROL\u0001");
        this.parts = value.split("\u0001", -1);
        this.headers = new RecordHeaders(template.headers().toArray());
    }

    Headers headers() {
        return headers;
    }

    /** Whether the n-th historical control lies in 2021, where it counts for the signed agreement. */
    static boolean countsIn2021(long n) {
        return FIRST_YEAR + n % YEARS == 2021;
    }

    /** The n-th event's value, for the activity {@code tc-<controlId>}. */
    String value(String controlId, long n) {
        int year = (int) (FIRST_YEAR + n % YEARS);
        int month = (int) (1 + (n / YEARS) % 12);
        int day = (int) (1 + (n / (YEARS * 12)) % 28);
        String date = String.format(Locale.ROOT, "%d-%02d-%02d", year, month, day);
        StringBuilder out = new StringBuilder(parts.length * 64);
        for (int i = 0; i < parts.length; i++) {
            out.append(
                    switch (i % 2 == 0 ? "" : parts[i]) {
                        case "ID" -> UUID.randomUUID().toString();
                        case "START" -> date + "T06:30:00Z";
                        case "END" -> date + "T08:00:00Z";
                        case "CONTROL" -> controlId;
                        default -> parts[i];
                    });
        }
        return out.toString();
    }

    private static String replaceFirst(Pattern pattern, String value, String replacement) {
        Matcher matcher = pattern.matcher(value);
        if (!matcher.find()) {
            throw new IllegalStateException("the template event has no " + pattern + ": " + value);
        }
        return value.substring(0, matcher.start()) + replacement + value.substring(matcher.end());
    }
}
