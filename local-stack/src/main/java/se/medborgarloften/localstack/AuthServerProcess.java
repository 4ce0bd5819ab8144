package se.medborgarloften.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The authorization server's runnable jar as its own process, on a free port: how the end-to-end tests get real tokens
 * from the same server the local stack runs, for services started with {@link #resourceServerArguments()}.
 */
public final class AuthServerProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = ServiceProcess.STOP_GRACE;

    private final AuthServer server;
    private final ChildProcess process;

    private AuthServerProcess(AuthServer server, ChildProcess process) {
        this.server = server;
        this.process = process;
    }

    /** @param repositoryRoot the repository or a folder below it; the auth server must be built */
    public static AuthServerProcess start(Path repositoryRoot, Path log) {
        Repository repository = Repository.around(repositoryRoot);
        AuthServer server = new AuthServer(AuthServer.LOCAL.module(), Ports.free());
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AuthServerProcess(server, server.start(repository, log));
    }

    /** The arguments that make a service trust this server's tokens, for {@link ServiceProcess#start}. */
    public List<String> resourceServerArguments() {
        return server.resourceServerArguments();
    }

    /** Where any client of the demo asks for its client-credentials tokens. */
    public URI tokenEndpoint() {
        return server.tokenEndpoint();
    }

    /** Tokens of one of the demo clients (README, Security). */
    public TokenClient tokens(String clientId) {
        return new TokenClient(server.tokenEndpoint(), clientId, AuthServer.demoSecret(clientId));
    }

    public void awaitHealthy(Duration timeout) {
        new HealthWaiter(HttpClient.newHttpClient()).awaitAll(Map.of(server, process), Instant.now(), timeout);
    }

    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }
}
