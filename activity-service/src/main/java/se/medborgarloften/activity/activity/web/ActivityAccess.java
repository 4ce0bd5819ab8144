package se.medborgarloften.activity.activity.web;

import static se.medborgarloften.platform.web.security.Roles.COORDINATOR;
import static se.medborgarloften.platform.web.security.Roles.MUNICIPAL_STAFF;
import static se.medborgarloften.platform.web.security.Roles.POLICE;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import se.medborgarloften.activity.activity.domain.Recorders;
import se.medborgarloften.contracts.activity.ActivityType;
import se.medborgarloften.platform.web.security.AccessRules;
import se.medborgarloften.platform.web.security.Caller;

/**
 * Police and municipal staff report activities, coordinators follow them up; which kinds staff may report is the
 * domain's {@link Recorders}, which municipality a caller may touch is checked per activity in the controller.
 */
@Configuration(proxyBeanMethods = false)
class ActivityAccess {

    @Bean
    AccessRules activityRules() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/api/activities/**")
                .hasAnyRole(POLICE, MUNICIPAL_STAFF, COORDINATOR)
                .requestMatchers("/api/activities/**")
                .hasAnyRole(POLICE, MUNICIPAL_STAFF);
    }

    /** 403 unless the caller acts for the municipality and may report this kind. */
    static void requireMayRecord(Caller caller, String municipalityCode, ActivityType type) {
        caller.requireActsFor(municipalityCode);
        if (type != null && !Recorders.mayRecord(caller.hasRole(POLICE), caller.hasRole(MUNICIPAL_STAFF), type)) {
            throw new AccessDeniedException(
                    "Municipal staff report " + Recorders.MUNICIPAL_KINDS + "; a " + type + " is police work");
        }
    }
}
