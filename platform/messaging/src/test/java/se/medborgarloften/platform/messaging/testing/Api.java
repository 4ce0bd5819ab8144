package se.medborgarloften.platform.messaging.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests: real requests to a running service, JSON answers as trees. It sends a bearer token
 * from the JVM's {@link TestIssuer}: by default one of {@link TestCaller#TRUSTED}, so that tests about something else
 * pass the door; {@link #as} and {@link #anonymous} are for the tests about the door.
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;
    private final Optional<String> token;

    public Api(int port) {
        this(port, Optional.of(TestIssuer.get().trustedToken()));
    }

    private Api(int port, Optional<String> token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    public static Api as(int port, TestCaller caller) {
        return withToken(port, TestIssuer.get().token(caller));
    }

    public static Api withToken(int port, String token) {
        return new Api(port, Optional.of(token));
    }

    public static Api anonymous(int port) {
        return new Api(port, Optional.empty());
    }

    public Reply get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Reply post(String path, String json, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .POST(body(json)));
    }

    public Reply put(String path, String json, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .PUT(body(json)));
    }

    public Reply delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    /** Any method, content type and body: a CSV, a wrong content type, a body streamed without a length. */
    public Reply send(
            String method, String path, String contentType, HttpRequest.BodyPublisher body, String... headers) {
        return send(request(path, headers).header("Content-Type", contentType).method(method, body));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        token.ifPresent(value -> builder.header("Authorization", "Bearer " + value));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, headers and the body as JSON. */
    public record Reply(int status, HttpResponse<String> response) {

        public JsonNode json() {
            return JSON.readTree(response.body());
        }

        public String body() {
            return response.body();
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
