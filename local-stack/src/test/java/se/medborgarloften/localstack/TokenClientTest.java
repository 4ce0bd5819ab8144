package se.medborgarloften.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client-credentials client of the launcher, against a token endpoint in this JVM that counts its requests. */
class TokenClientTest {

    private static final long EXPIRES_IN_SECONDS = 1800;

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private HttpServer server;
    private volatile int status = 200;

    @BeforeEach
    void startTokenEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(Ports.HOST, 0), 0);
        server.createContext("/oauth2/token", this::answer);
        server.start();
    }

    @AfterEach
    void stopTokenEndpoint() {
        server.stop(0);
    }

    @Test
    void sends_the_client_credentials_grant_with_basic_authentication() {
        String bearer = client(Clock.systemUTC()).bearer();

        assertThat(bearer).isEqualTo("Bearer token-1");
        // "coordinator-1293:coordinator-1293-secret" in Base64
        assertThat(requests)
                .containsExactly("POST Basic Y29vcmRpbmF0b3ItMTI5Mzpjb29yZGluYXRvci0xMjkzLXNlY3JldA== "
                        + "grant_type=client_credentials");
    }

    @Test
    void reuses_a_token_until_a_minute_before_it_expires() {
        MutableClock clock = new MutableClock(Instant.parse("2021-03-04T07:30:00Z"));
        TokenClient client = client(clock);

        assertThat(client.bearer()).isEqualTo("Bearer token-1");
        clock.advance(Duration.ofMinutes(28));
        assertThat(client.bearer()).isEqualTo("Bearer token-1");
        clock.advance(Duration.ofSeconds(60));
        assertThat(client.bearer()).isEqualTo("Bearer token-2");
        assertThat(requests).hasSize(2);
    }

    @Test
    void a_refused_client_gets_an_exception_that_says_why() {
        status = 401;

        assertThatThrownBy(() -> client(Clock.systemUTC()).bearer())
                .isInstanceOf(TokenClient.TokenUnavailableException.class)
                .hasMessageContaining("401")
                .hasMessageContaining("invalid_client");
    }

    @Test
    void an_unreachable_server_gets_an_exception_too() {
        server.stop(0);

        assertThatThrownBy(() -> client(Clock.systemUTC()).bearer())
                .isInstanceOf(TokenClient.TokenUnavailableException.class)
                .hasMessageContaining("coordinator-1293");
    }

    private TokenClient client(Clock clock) {
        URI endpoint =
                URI.create("http://" + Ports.HOST + ":" + server.getAddress().getPort() + "/oauth2/token");
        return new TokenClient(endpoint, "coordinator-1293", "coordinator-1293-secret", clock);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(exchange.getRequestMethod() + " "
                + exchange.getRequestHeaders().getFirst("Authorization") + " " + form);
        String body = status == 200
                ? "{\"access_token\":\"token-" + issued.incrementAndGet()
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":" + EXPIRES_IN_SECONDS + "}"
                : "{\"error\":\"invalid_client\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
