package se.medborgarloften.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The token contract the services rely on, over real HTTP: what a client-credentials token says and who gets one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClientCredentialsTokenTest {

    private static final String ISSUER = "http://127.0.0.1:9000";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Test
    void a_coordinator_of_hassleholm_gets_a_signed_token_for_the_platform_valid_for_thirty_minutes() throws Exception {
        HttpResponse<String> response = requestToken("coordinator-1293", "coordinator-1293-secret");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isBetween(1790L, 1800L);

        SignedJWT token = SignedJWT.parse(body.path("access_token").asString());
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(token.verify(new RSASSAVerifier(
                        jwks().getKeyByKeyId(token.getHeader().getKeyID()).toRSAKey())))
                .isTrue();

        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly("medborgarloften");
        assertThat(claims.getSubject()).isEqualTo("coordinator-1293");
        assertThat(claims.getStringListClaim("roles")).containsExactly("coordinator");
        assertThat(claims.getStringListClaim("municipalities")).containsExactly("1293");
        Duration lifetime = Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
        assertThat(lifetime).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void the_police_system_emits_for_hassleholm_and_kristianstad() throws Exception {
        JWTClaimsSet claims = claimsOf(requestToken("police-system", "police-system-secret"));

        assertThat(claims.getStringListClaim("roles")).containsExactly("police");
        assertThat(claims.getStringListClaim("municipalities")).containsExactly("1293", "1294");
    }

    @Test
    void the_operator_acts_for_no_municipality() throws Exception {
        JWTClaimsSet claims = claimsOf(requestToken("operator", "operator-secret"));

        assertThat(claims.getStringListClaim("roles")).containsExactly("operator");
        assertThat(claims.getStringListClaim("municipalities")).isEmpty();
    }

    @Test
    void a_client_may_send_its_secret_in_the_form_instead_of_basic_authentication() throws Exception {
        HttpResponse<String> response = post(
                "/oauth2/token",
                "grant_type=client_credentials&client_id=staff-1294&client_secret=staff-1294-secret",
                null);

        assertThat(claimsOf(response).getStringListClaim("roles")).containsExactly("municipal-staff");
    }

    @Test
    void a_wrong_secret_gets_no_token() throws Exception {
        HttpResponse<String> response = requestToken("coordinator-1293", "police-1293-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_client").doesNotContain("access_token");
    }

    @Test
    void an_unknown_client_gets_no_token() throws Exception {
        HttpResponse<String> response = requestToken("coordinator-0180", "coordinator-0180-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void the_metadata_names_the_issuer_the_token_endpoint_and_the_key_set() throws Exception {
        for (String path : List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
            HttpResponse<String> response = get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            JsonNode metadata = json.readTree(response.body());
            assertThat(metadata.path("issuer").asString()).isEqualTo(ISSUER);
            assertThat(metadata.path("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
            assertThat(metadata.path("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        }
    }

    @Test
    void health_is_up_without_a_token() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void nothing_else_answers_without_a_token() throws Exception {
        assertThat(get("/actuator/env").statusCode()).isIn(401, 403, 404);
        assertThat(get("/login").statusCode()).isIn(401, 403, 404);
    }

    private JWTClaimsSet claimsOf(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return SignedJWT.parse(
                        json.readTree(response.body()).path("access_token").asString())
                .getJWTClaimsSet();
    }

    private JWKSet jwks() throws Exception {
        HttpResponse<String> response = get("/oauth2/jwks");
        assertThat(response.statusCode()).isEqualTo(200);
        return JWKSet.parse(response.body());
    }

    private HttpResponse<String> requestToken(String clientId, String secret) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return post("/oauth2/token", "grant_type=client_credentials", "Basic " + basic);
    }

    private HttpResponse<String> post(String path, String form, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
