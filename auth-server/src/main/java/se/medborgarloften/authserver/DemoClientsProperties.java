package se.medborgarloften.authserver;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The machine clients this server knows, and what every access token says about its audience and lifetime.
 *
 * @param audience the {@code aud} of every access token: the platform's services accept only tokens meant for them
 * @param accessTokenLifetime how long an access token is valid; clients fetch a new one, there are no refresh tokens
 * @param clients the demo clients, each with the roles and municipalities its tokens carry
 */
@ConfigurationProperties("medborgarloften.auth")
public record DemoClientsProperties(String audience, Duration accessTokenLifetime, List<DemoClient> clients) {

    public DemoClientsProperties {
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /**
     * @param id the client id, which is also the {@code sub} of its tokens
     * @param secret with its password-encoder prefix, e.g. {@code {noop}...}
     * @param roles among {@code coordinator}, {@code police}, {@code municipal-staff}, {@code operator}
     * @param municipalities municipality codes such as {@code 1293}; empty for a client that acts for none
     */
    public record DemoClient(String id, String secret, List<String> roles, List<String> municipalities) {

        public DemoClient {
            roles = roles == null ? List.of() : List.copyOf(roles);
            municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
        }
    }
}
