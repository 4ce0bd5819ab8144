package se.medborgarloften.promise.agreement.web;

import static se.medborgarloften.platform.web.security.Roles.COORDINATOR;
import static se.medborgarloften.platform.web.security.Roles.MUNICIPAL_STAFF;
import static se.medborgarloften.platform.web.security.Roles.POLICE;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import se.medborgarloften.platform.web.security.AccessRules;

/**
 * Coordinators write agreements; everyone who works with a municipality's promises may read them. Which municipality
 * a caller may touch is checked per agreement, in {@link AgreementController}.
 */
@Configuration(proxyBeanMethods = false)
class AgreementAccess {

    @Bean
    AccessRules agreementRules() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/api/agreements/**")
                .hasAnyRole(COORDINATOR, POLICE, MUNICIPAL_STAFF)
                .requestMatchers("/api/agreements/**")
                .hasRole(COORDINATOR);
    }
}
