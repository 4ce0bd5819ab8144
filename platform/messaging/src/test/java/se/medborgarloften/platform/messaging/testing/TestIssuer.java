package se.medborgarloften.platform.messaging.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * An authorization server as far as a resource server can tell: one RSA key, its JWK set served over real HTTP, and
 * tokens signed with it. One per test JVM, so that services started as processes trust it too. It also makes the
 * tokens an attacker would try: expired, from another issuer or for another audience, unsigned, or signed with a key
 * of their own.
 */
public final class TestIssuer {

    public static final String AUDIENCE = "medborgarloften";
    public static final String JWKS_PATH = "/oauth2/jwks";

    private static final TestIssuer INSTANCE = new TestIssuer();

    private final RSAKey key = newKey();
    private final RSAKey strangersKey = newKey();
    private final HttpServer server = serve(new JWKSet(key.toPublicJWK()));
    /**
     * Signed once, valid for longer than any test JVM lives: {@link Api} sends it on every call, and the fault tests
     * make thousands of calls.
     */
    private final String trustedToken =
            sign(claims(TestCaller.TRUSTED, issuer(), AUDIENCE, Instant.now().plus(Duration.ofHours(12))), key);

    private TestIssuer() {}

    public static TestIssuer get() {
        return INSTANCE;
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String jwkSetUri() {
        return issuer() + JWKS_PATH;
    }

    /** The resource-server settings that make a service trust this issuer, as command-line arguments. */
    public List<String> serviceArguments() {
        return List.of(
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwkSetUri(),
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE);
    }

    /** A valid token of {@link TestCaller#TRUSTED}. */
    public String trustedToken() {
        return trustedToken;
    }

    /** A valid token for this caller, good for an hour. */
    public String token(TestCaller caller) {
        return sign(claims(caller, issuer(), AUDIENCE, Instant.now().plus(Duration.ofHours(1))), key);
    }

    public String expiredToken(TestCaller caller) {
        // Beyond the resource server's default 60 s clock skew.
        return sign(claims(caller, issuer(), AUDIENCE, Instant.now().minus(Duration.ofMinutes(5))), key);
    }

    public String tokenFromAnotherIssuer(TestCaller caller) {
        return sign(claims(caller, "https://elsewhere.example", AUDIENCE, inAnHour()), key);
    }

    public String tokenForAnotherAudience(TestCaller caller) {
        return sign(claims(caller, issuer(), "some-other-api", inAnHour()), key);
    }

    /** {@code alg: none}: claims anyone could write. */
    public String unsignedToken(TestCaller caller) {
        return new PlainJWT(claims(caller, issuer(), AUDIENCE, inAnHour())).serialize();
    }

    /** Signed with another key under this issuer's key id, as a forger would. */
    public String tokenWithForgedSignature(TestCaller caller) {
        return sign(claims(caller, issuer(), AUDIENCE, inAnHour()), strangersKey);
    }

    private static Instant inAnHour() {
        return Instant.now().plus(Duration.ofHours(1));
    }

    private static JWTClaimsSet claims(TestCaller caller, String issuer, String audience, Instant expiry) {
        Instant issuedAt = expiry.isBefore(Instant.now()) ? expiry.minus(Duration.ofMinutes(30)) : Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(caller.subject())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiry))
                .claim("roles", caller.roles())
                .claim("municipalities", caller.municipalities())
                .build();
    }

    private String sign(JWTClaimsSet claims, RSAKey signingKey) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve(JWKSet publicKeys) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = publicKeys.toString().getBytes(StandardCharsets.UTF_8);
            server.createContext(JWKS_PATH, exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(null);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
