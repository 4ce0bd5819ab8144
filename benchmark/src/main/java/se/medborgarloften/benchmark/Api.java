package se.medborgarloften.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The benchmark's HTTP calls to one service. Public reads go out as they are; every call that needs a caller's
 * identity (writes, the rebuild, non-public actuator endpoints) passes {@link #authenticated}, the one place where a
 * bearer token is added once the services require one.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;
    private final Credentials credentials;

    Api(HttpClient http, int port, Credentials credentials) {
        this.http = http;
        this.base = URI.create("http://127.0.0.1:" + port);
        this.credentials = credentials;
    }

    URI url(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    /** A public GET; the answer parsed as JSON, failing on any status but 200. */
    JsonNode get(String pathAndQuery) {
        return expect(send(HttpRequest.newBuilder(url(pathAndQuery)).GET()), 200);
    }

    /** A GET that needs a caller, such as {@code /actuator/rebuild}. */
    JsonNode getAuthenticated(String pathAndQuery) {
        return expect(
                send(authenticated(HttpRequest.newBuilder(url(pathAndQuery)).GET())), 200);
    }

    /** A POST that needs a caller: writes and the rebuild. */
    JsonNode postAuthenticated(String path, String jsonBody, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/json")
                .POST(
                        jsonBody == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(jsonBody));
        return expect(send(authenticated(request)), expectedStatus);
    }

    private HttpRequest.Builder authenticated(HttpRequest.Builder request) {
        credentials.authorization().ifPresent(value -> request.header("Authorization", value));
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(
                    request.timeout(TIMEOUT)
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(
                    response.request().method() + " " + response.request().uri() + " answered " + response.statusCode()
                            + ", expected " + status + ": " + response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
