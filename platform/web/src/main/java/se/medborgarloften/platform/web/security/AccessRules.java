package se.medborgarloften.platform.web.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own request rules: which of its endpoints are public and which role each write needs. The platform puts
 * them between its fixed rules (health and API docs public, other Actuator endpoints for operators) and its default
 * (everything else needs a valid token), so a service names only what is particular to it.
 */
@FunctionalInterface
public interface AccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
