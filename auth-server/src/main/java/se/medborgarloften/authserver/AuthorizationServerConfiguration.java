package se.medborgarloften.authserver;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The protocol endpoints (token, JWKS, OAuth 2 and OIDC metadata) for machine clients only: no login page, no user
 * accounts, no authorization-code flow. Besides them only the health endpoint answers, without a token, for the
 * launcher and the compose health check.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain protocolEndpoints(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        // Only the protocol endpoints go through this chain; the metadata and the JWKS answer without a token.
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                .permitAll()
                .anyRequest()
                .denyAll());
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClients(DemoClientsProperties properties) {
        return DemoClientRegistrations.inMemory(properties);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> platformClaims(DemoClientsProperties properties) {
        return new PlatformClaims(properties.audience());
    }

    @Bean
    JWKSource<SecurityContext> signingKey() {
        return SigningKey.generated();
    }
}
