package se.medborgarloften.platform.messaging.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A service under test as a user meets it: real HTTP on a random port, a real Kafka broker (embedded KRaft) and a
 * real MongoDB wire protocol (embedded server, a fresh database per context), trusting the JVM's {@link TestIssuer}. The context is closed after the class
 * so its broker shuts down before the JVM does.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ContextConfiguration(initializers = {EmbeddedMongoInitializer.class, TestIssuerInitializer.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface ServiceIntegrationTest {}
