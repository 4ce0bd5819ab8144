package se.medborgarloften.authserver;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Turns the configured demo clients into registered clients that may only use the client-credentials grant. Their
 * roles and municipalities travel in the client settings, so {@link PlatformClaims} needs nothing but the client.
 */
final class DemoClientRegistrations {

    static final String ROLES = "medborgarloften.roles";
    static final String MUNICIPALITIES = "medborgarloften.municipalities";

    private DemoClientRegistrations() {}

    static RegisteredClientRepository inMemory(DemoClientsProperties properties) {
        List<RegisteredClient> clients = properties.clients().stream()
                .map(client -> registration(client, properties))
                .toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    private static RegisteredClient registration(
            DemoClientsProperties.DemoClient client, DemoClientsProperties properties) {
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(client.id().getBytes(StandardCharsets.UTF_8))
                        .toString())
                .clientId(client.id())
                .clientSecret(client.secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(ClientSettings.builder()
                        .setting(ROLES, client.roles())
                        .setting(MUNICIPALITIES, client.municipalities())
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(properties.accessTokenLifetime())
                        .build())
                .build();
    }
}
