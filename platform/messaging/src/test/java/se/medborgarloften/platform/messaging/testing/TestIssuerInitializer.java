package se.medborgarloften.platform.messaging.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Makes a test context trust the JVM's {@link TestIssuer} instead of the configured authorization server. */
public class TestIssuerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestIssuer issuer = TestIssuer.get();
        TestPropertyValues.of(
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuer(),
                        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer.jwkSetUri(),
                        "spring.security.oauth2.resourceserver.jwt.audiences=" + TestIssuer.AUDIENCE)
                .applyTo(context);
    }
}
