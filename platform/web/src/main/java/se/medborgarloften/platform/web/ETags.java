package se.medborgarloften.platform.web;

import java.util.Optional;

/** An aggregate's version as an HTTP entity tag, and back from {@code If-Match}: optimistic locking over HTTP. */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names; empty when the client sent none. */
    public static Optional<Long> ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String bare = header.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Optional.of(Long.parseLong(bare));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("If-Match", "must be an ETag this API gave, like \"3\"");
        }
    }
}
