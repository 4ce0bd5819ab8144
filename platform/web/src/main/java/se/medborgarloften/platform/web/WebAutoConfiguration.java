package se.medborgarloften.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web defaults of every service: one error format, a Mongo health check that works on every wire server, and the
 * guards against hostile input (body size, rate limits, control characters, operator keys). The guarding filters run
 * first of all, before Spring Security's chain (order -100) and before anything reads a body, and answer in the same
 * problem+json format.
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@Import(ProblemDetailsAdvice.class)
@EnableConfigurationProperties({WebLimitsProperties.class, RateLimitProperties.class})
public class WebAutoConfiguration {

    static final int RATE_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
    static final int REQUEST_SIZE_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;
    static final int QUERY_GUARD_ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

    /** Named so that Boot's {@code hello}-based indicator backs off and this one reports as "mongo". */
    @Bean
    MongoPingHealthIndicator mongoHealthContributor(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    /** A module bean: Boot adds it to the mapper that reads every request body. */
    @Bean
    InputGuardModule inputGuardModule(WebLimitsProperties limits) {
        return new InputGuardModule(limits.maxStringLength());
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties limits, ProblemResponses problems) {
        return registration(new RateLimitFilter(limits, problems), RATE_LIMIT_ORDER);
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            WebLimitsProperties limits, ProblemResponses problems) {
        return registration(new RequestSizeLimitFilter(limits, problems), REQUEST_SIZE_ORDER);
    }

    @Bean
    FilterRegistrationBean<QueryParameterGuardFilter> queryParameterGuardFilter(ProblemResponses problems) {
        return registration(new QueryParameterGuardFilter(problems), QUERY_GUARD_ORDER);
    }

    private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> registration(F filter, int order) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(order);
        return registration;
    }
}
