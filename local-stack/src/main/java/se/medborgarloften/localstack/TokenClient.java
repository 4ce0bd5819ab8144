package se.medborgarloften.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A machine client of an OAuth 2 authorization server: fetches an access token with the client-credentials grant and
 * reuses it until shortly before it expires, so that callers may ask for the header on every request.
 */
public final class TokenClient {

    /** A token this close to its expiry is replaced, so that it does not run out between here and the service. */
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final URI tokenEndpoint;
    private final String clientId;
    private final String basicCredentials;
    private final HttpClient http;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    private String accessToken;
    private Instant renewAt = Instant.MIN;

    public TokenClient(URI tokenEndpoint, String clientId, String secret) {
        this(tokenEndpoint, clientId, secret, Clock.systemUTC());
    }

    TokenClient(URI tokenEndpoint, String clientId, String secret, Clock clock) {
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.basicCredentials =
                Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
        this.clock = clock;
    }

    /**
     * The value of an {@code Authorization} header: {@code Bearer <access token>}.
     *
     * @throws TokenUnavailableException when the authorization server cannot be reached or refuses the client
     */
    public synchronized String bearer() {
        if (accessToken == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return "Bearer " + accessToken;
    }

    private void fetch() {
        Instant requestedAt = clock.instant();
        JsonNode answer = requestToken();
        String token = answer.path("access_token").asText("");
        if (token.isEmpty() || !answer.path("expires_in").canConvertToLong()) {
            throw new TokenUnavailableException(
                    "the answer of " + tokenEndpoint + " for " + clientId + " has no access_token and expires_in");
        }
        accessToken = token;
        renewAt = requestedAt.plusSeconds(answer.path("expires_in").asLong()).minus(RENEW_BEFORE_EXPIRY);
    }

    private JsonNode requestToken() {
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Basic " + basicCredentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new TokenUnavailableException(tokenEndpoint + " refused " + clientId + " with "
                        + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new TokenUnavailableException(
                    "no token for " + clientId + " from " + tokenEndpoint + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenUnavailableException("interrupted while fetching a token for " + clientId);
        }
    }

    /** No token could be had; the message says from where and why. */
    public static final class TokenUnavailableException extends RuntimeException {
        TokenUnavailableException(String message) {
            super(message);
        }
    }
}
