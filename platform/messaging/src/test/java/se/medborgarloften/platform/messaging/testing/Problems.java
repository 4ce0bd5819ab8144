package se.medborgarloften.platform.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Assertions on the platform's one error format: RFC 9457 problem details naming each invalid field. */
public final class Problems {

    private Problems() {}

    /**
     * A problem+json answer with {@code status} whose {@code errors} name exactly {@code fields}, in any order (a field
     * that breaks two rules is named twice; once is enough here).
     */
    public static void assertProblem(Api.Reply reply, int status, String... fields) {
        assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        if (fields.length > 0) {
            assertThat(fields(reply).stream().distinct()).as(reply.body()).containsExactlyInAnyOrder(fields);
        }
    }

    /**
     * A body over the size limit is refused 413 naming {@code body}, both when it declares its length and when it
     * streams in chunks without one (the limit must not trust the header alone).
     */
    public static void assertTooLargeDeclaredOrChunked(Api api, String path, String body) {
        assertProblem(api.post(path, body), 413, "body");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertProblem(
                api.send(
                        "POST",
                        path,
                        "application/json",
                        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))),
                413,
                "body");
    }

    /** The fields a problem's {@code errors} name. */
    public static List<String> fields(Api.Reply reply) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = reply.json().get("errors");
        if (errors != null) {
            errors.forEach(error -> fields.add(error.get("field").asString()));
        }
        return fields;
    }
}
