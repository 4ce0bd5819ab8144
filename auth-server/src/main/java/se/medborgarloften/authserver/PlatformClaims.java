package se.medborgarloften.authserver;

import java.util.List;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts into every access token what the services authorize by: the client's {@code roles} and
 * {@code municipalities}, and the platform as the only audience (instead of the client id, the server's default),
 * so that a token issued for another resource server is refused by ours.
 */
final class PlatformClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES = "roles";
    static final String MUNICIPALITIES = "municipalities";

    private final String audience;

    PlatformClaims(String audience) {
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        RegisteredClient client = context.getRegisteredClient();
        context.getClaims()
                .audience(List.of(audience))
                .claim(ROLES, setting(client, DemoClientRegistrations.ROLES))
                .claim(MUNICIPALITIES, setting(client, DemoClientRegistrations.MUNICIPALITIES));
    }

    private static List<String> setting(RegisteredClient client, String name) {
        List<String> values = client.getClientSettings().getSetting(name);
        return values == null ? List.of() : values;
    }
}
