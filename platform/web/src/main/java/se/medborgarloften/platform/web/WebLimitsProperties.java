package se.medborgarloften.platform.web;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much a request may carry ({@code medborgarloften.web.*}): the body size, with larger limits for named routes
 * (a CSV import), and the longest single JSON string.
 *
 * @param maxRequestSize the largest body of any request not named in {@code requestSizeRoutes}
 * @param requestSizeRoutes routes that take larger bodies, by name: {@code paths} (Spring path patterns) and
 *     {@code max-size}
 * @param maxStringLength the longest string any JSON field may hold, a backstop behind each field's own cap
 */
@ConfigurationProperties("medborgarloften.web")
public record WebLimitsProperties(
        @DefaultValue("256KB") DataSize maxRequestSize,
        Map<String, SizeRoute> requestSizeRoutes,
        @DefaultValue("10000") int maxStringLength) {

    public WebLimitsProperties {
        requestSizeRoutes = requestSizeRoutes == null ? Map.of() : Map.copyOf(requestSizeRoutes);
    }

    /** Paths whose bodies may be as large as {@code maxSize}. */
    public record SizeRoute(List<String> paths, DataSize maxSize) {}
}
