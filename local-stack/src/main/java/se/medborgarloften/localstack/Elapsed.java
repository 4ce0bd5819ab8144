package se.medborgarloften.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Durations as the launcher prints them, e.g. "4.2 s". */
final class Elapsed {

    private Elapsed() {}

    static String since(Instant start) {
        Duration elapsed = Duration.between(start, Instant.now());
        return String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
    }
}
