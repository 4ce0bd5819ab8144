package se.medborgarloften.platform.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** Checks that a service serves its OpenAPI document, naming the given paths, and the Swagger UI over it. */
public final class ApiDocs {

    private ApiDocs() {}

    public static void assertServed(Api api, String... paths) {
        var document = api.get("/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);
        JsonNode served = document.json().get("paths");
        assertThat(served.propertyNames()).contains(paths);

        var entry = api.get("/swagger-ui.html");
        assertThat(entry.status()).isEqualTo(302);
        assertThat(entry.header("Location"))
                .hasValueSatisfying(url -> assertThat(url).endsWith("/swagger-ui/index.html"));
        var ui = api.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.contentType()).startsWith("text/html");
        assertThat(ui.body()).contains("swagger-ui");
    }
}
