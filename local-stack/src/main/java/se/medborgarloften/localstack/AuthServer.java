package se.medborgarloften.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The local OAuth 2 authorization server (module {@code auth-server}): it issues the client-credentials tokens the
 * services accept. It has no database and needs neither the store nor the broker, so it starts beside them.
 */
record AuthServer(String module, int port) implements WebProcess {

    static final AuthServer LOCAL = new AuthServer("auth-server", 9000);

    /** A demo client of the auth server: the one the launcher loads the demo agreement with. */
    static final String DEMO_CLIENT = "coordinator-1293";

    /** A small application with no data of its own: a third of a service's heap is plenty. */
    private static final List<String> JVM_OPTIONS = List.of(
            JavaCommand.SMALL_INITIAL_HEAP,
            "-Xmx128m",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:TieredStopAtLevel=1",
            JavaCommand.SERIAL_GC);

    /** The {@code iss} of its tokens, exactly as the services compare it: no trailing slash. */
    String issuer() {
        return "http://" + Ports.HOST + ":" + port;
    }

    URI tokenEndpoint() {
        return url("/oauth2/token");
    }

    URI jwkSetUri() {
        return url("/oauth2/jwks");
    }

    @Override
    public URI url(String pathAndQuery) {
        return URI.create(issuer()).resolve(pathAndQuery);
    }

    /** The demo clients' secrets follow one pattern, documented in the README. */
    static String demoSecret(String clientId) {
        return clientId + "-secret";
    }

    /**
     * For the services: accept only tokens of this issuer, and fetch its keys from the JWKS address given here rather
     * than discovering it from the issuer's metadata, as production configures an external OIDC provider the same way.
     */
    List<String> resourceServerArguments() {
        return List.of(
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwkSetUri());
    }

    /** The curl line the launcher prints, so that a token is one copy-paste away. */
    String tokenCurl() {
        return "curl -s -u " + DEMO_CLIENT + ":" + demoSecret(DEMO_CLIENT) + " -d grant_type=client_credentials "
                + tokenEndpoint();
    }

    TokenClient demoTokens() {
        return new TokenClient(tokenEndpoint(), DEMO_CLIENT, demoSecret(DEMO_CLIENT));
    }

    ChildProcess start(Repository repository, DataFolder data) {
        return start(repository, data.log(module));
    }

    /** On its own port, its tokens naming exactly the address that the services are given. */
    ChildProcess start(Repository repository, Path log) {
        return jar().start(
                        repository,
                        JVM_OPTIONS,
                        log,
                        List.of(
                                "--server.port=" + port,
                                "--spring.security.oauth2.authorizationserver.issuer=" + issuer()));
    }

    private BootJar jar() {
        return new BootJar(module);
    }
}
