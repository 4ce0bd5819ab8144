package se.medborgarloften.platform.web;

import java.io.IOException;

/**
 * A request body that grew past its limit while being read (one sent without a Content-Length); answered 413. An
 * {@link IOException}, so that every reader of the body (JSON, CSV, a plain stream) stops on it.
 */
public class RequestTooLargeException extends IOException {

    private final long maxBytes;

    public RequestTooLargeException(long maxBytes) {
        super("The request body is larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
