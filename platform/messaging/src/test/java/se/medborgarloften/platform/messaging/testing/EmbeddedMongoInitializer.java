package se.medborgarloften.platform.messaging.testing;

import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test context at its own fresh database on the JVM's {@link EmbeddedMongo}. */
public class EmbeddedMongoInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = "test-" + UUID.randomUUID().toString().substring(0, 8);
        TestPropertyValues.of("spring.mongodb.uri=" + EmbeddedMongo.uri(database))
                .applyTo(context);
    }
}
