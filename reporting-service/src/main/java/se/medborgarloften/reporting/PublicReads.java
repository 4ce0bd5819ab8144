package se.medborgarloften.reporting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import se.medborgarloften.platform.web.security.AccessRules;

/**
 * Everything reporting-service shows is public: aggregates only, never feedback text. Rebuilds and metrics stay behind
 * the platform's operator rule for Actuator.
 */
@Configuration(proxyBeanMethods = false)
class PublicReads {

    @Bean
    AccessRules publicReadRules() {
        return requests -> requests.requestMatchers(
                        HttpMethod.GET,
                        "/",
                        "/index.html",
                        "/css/**",
                        "/js/**",
                        "/favicon.svg",
                        "/api/progress",
                        "/api/progress/**",
                        "/api/situation/**",
                        "/api/stream")
                .permitAll();
    }
}
