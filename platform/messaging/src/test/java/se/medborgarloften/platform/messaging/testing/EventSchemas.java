package se.medborgarloften.platform.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Checks what a service really published against the JSON Schema that the contracts module ships for it. */
public final class EventSchemas {

    private EventSchemas() {}

    /** Asserts that {@code json} conforms to {@code /schemas/<schemaFile>} on the classpath. */
    public static void assertConforms(String schemaFile, String json) {
        Set<ValidationMessage> problems = schema(schemaFile).validate(json, InputFormat.JSON);
        assertThat(problems).as("%s against %s", json, schemaFile).isEmpty();
    }

    private static JsonSchema schema(String schemaFile) {
        try (InputStream in = EventSchemas.class.getResourceAsStream("/schemas/" + schemaFile)) {
            if (in == null) {
                throw new IllegalArgumentException("No schema /schemas/" + schemaFile + " on the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(text, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
