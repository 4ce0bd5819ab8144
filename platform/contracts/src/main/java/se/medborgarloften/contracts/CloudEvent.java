package se.medborgarloften.contracts;

import java.time.OffsetDateTime;

/**
 * A domain event as it stands on the wire: CloudEvents 1.0 in structured mode (the whole envelope is the Kafka record
 * value, content type {@code application/cloudevents+json}), keyed by {@link #subject()}.
 *
 * @param <T> the event data; it always carries the aggregate id and version (see {@link AggregateEvent})
 */
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
    public static final String DATA_CONTENT_TYPE = "application/json";
}
