package se.medborgarloften.dialogue.dialogue.web;

import static se.medborgarloften.platform.web.security.Roles.COORDINATOR;
import static se.medborgarloften.platform.web.security.Roles.MUNICIPAL_STAFF;
import static se.medborgarloften.platform.web.security.Roles.POLICE;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import se.medborgarloften.platform.web.security.AccessRules;

/**
 * Municipal staff record dialogues, feedback and survey results; the police and coordinators of the same municipality
 * read them to act on them. Feedback text is never public: the public sees aggregates, through reporting-service.
 */
@Configuration(proxyBeanMethods = false)
class DialogueAccess {

    @Bean
    AccessRules dialogueRules() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/api/dialogues/**", "/api/surveys/**")
                .hasAnyRole(MUNICIPAL_STAFF, POLICE, COORDINATOR)
                .requestMatchers("/api/dialogues/**", "/api/surveys/**")
                .hasRole(MUNICIPAL_STAFF);
    }
}
