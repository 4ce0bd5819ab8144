package se.medborgarloften.benchmark;

import java.net.URI;
import java.util.Optional;
import se.medborgarloften.localstack.TokenClient;

/**
 * Who the benchmark is when a service asks: a client of the stack's authorization server (client credentials, through
 * the local stack's {@link TokenClient}), or nobody where no authorization server was built. The one place the
 * bearer token of an authenticated call comes from.
 */
final class Credentials {

    /** The municipality's coordinator: imports and signs the agreement, reads the activities. */
    static final String COORDINATOR = "coordinator-1293";
    /** The operator: starts and follows the rebuild. */
    static final String OPERATOR = "operator";

    private final Optional<TokenClient> tokens;

    private Credentials(Optional<TokenClient> tokens) {
        this.tokens = tokens;
    }

    static Credentials none() {
        return new Credentials(Optional.empty());
    }

    /** The demo clients' secrets are {@code <client id>-secret} (auth-server's application.yml). */
    static Credentials of(URI tokenEndpoint, String clientId) {
        return new Credentials(Optional.of(new TokenClient(tokenEndpoint, clientId, clientId + "-secret")));
    }

    /** The value of the Authorization header, {@code Bearer <token>}, when there is an authorization server. */
    Optional<String> authorization() {
        return tokens.map(TokenClient::bearer);
    }
}
