package se.medborgarloften.reporting.progress.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.medborgarloften.reporting.progress.application.AgreementChanged;
import se.medborgarloften.reporting.progress.application.ProgressChanged;
import se.medborgarloften.reporting.progress.application.ProgressQueries;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public progress report as the API sends it, rendered once and sent as is until something in it changes. A
 * local news site linking to the page turns into thousands of identical reads; each would otherwise read the views
 * and render a year of figures again.
 *
 * <p>A rendering is kept while no figure and no agreement changed since it was made (every change counts, the
 * check is one number) and for at most {@code medborgarloften.progress.rendering-max-age} (1 s), because a period's
 * status is judged at the moment of asking and moves with time alone. The generation is read before the report is, so a change landing during a
 * rendering makes that rendering stale at once rather than hiding the change.
 */
@Component
class RenderedProgress {

    private static final int MAX_ENTRIES = 1_000;

    private final ProgressQueries queries;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration maxAge;
    private final AtomicLong changes = new AtomicLong();
    private final Map<String, Rendering> renderings = new ConcurrentHashMap<>();

    RenderedProgress(
            ProgressQueries queries,
            JsonMapper json,
            Clock clock,
            @Value("${medborgarloften.progress.rendering-max-age:1s}") Duration maxAge) {
        this.queries = queries;
        this.json = json;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    Rendering of(String municipalityCode, int year) {
        String key = municipalityCode + "/" + year;
        long generation = changes.get();
        Instant now = clock.instant();
        Rendering kept = renderings.get(key);
        if (kept != null
                && kept.generation() == generation
                && kept.renderedAt().plus(maxAge).isAfter(now)) {
            return kept;
        }
        byte[] body = json.writeValueAsBytes(queries.report(municipalityCode, year));
        Rendering fresh = new Rendering(body, etag(body), generation, now);
        if (renderings.size() >= MAX_ENTRIES) {
            renderings.clear();
        }
        renderings.put(key, fresh);
        return fresh;
    }

    @EventListener
    void on(ProgressChanged change) {
        changes.incrementAndGet();
    }

    @EventListener
    void on(AgreementChanged change) {
        changes.incrementAndGet();
    }

    private static String etag(byte[] body) {
        CRC32C checksum = new CRC32C();
        checksum.update(body);
        return "\"" + HexFormat.of().toHexDigits(checksum.getValue()) + "-" + body.length + "\"";
    }

    record Rendering(byte[] body, String etag, long generation, Instant renderedAt) {}
}
