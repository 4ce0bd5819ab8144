package se.medborgarloften.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The Hässleholm 2021 agreement, imported and signed through promise-service's own API the first time the stack runs,
 * so that the events flow to the other services exactly as they would for real use.
 */
final class DemoData {

    private static final String AGREEMENT = "/demo/hassleholm-2021.json";
    private static final String SIGNATORIES = """
            {"signatories":[\
            {"name":"Lars Svensson","title":"Kommunstyrelsens ordförande","party":"MUNICIPALITY"},\
            {"name":"Eva Lind","title":"Lokalpolisområdeschef","party":"POLICE"}]}""";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final Service promiseService;
    private final TokenClient tokens;
    private final ObjectMapper json = new ObjectMapper();
    private final String agreement = readAgreement();
    private final JsonNode demo = parse(agreement);

    /** @param tokens a coordinator of the demo municipality, allowed to import and sign its agreement */
    DemoData(HttpClient http, Service promiseService, TokenClient tokens) {
        this.http = http;
        this.promiseService = promiseService;
        this.tokens = tokens;
    }

    String municipalityCode() {
        return demo.path("municipalityCode").asText();
    }

    int year() {
        return demo.path("year").asInt();
    }

    /** Never stops the stack: a failure leaves it running without demo data and says why. */
    void loadOnce() {
        try {
            load();
        } catch (DemoDataException e) {
            System.out.println("Demo data not loaded: " + e.getMessage());
            System.out.println("The stack keeps running without it.");
        }
    }

    private void load() {
        String municipality = municipalityCode();
        int year = year();
        JsonNode existing = send(
                HttpRequest.newBuilder(promiseService.url(
                                "/api/agreements?municipalityCode=" + municipality + "&year=" + year))
                        .GET(),
                200);
        if (!existing.path("content").isArray()) {
            throw new DemoDataException("the agreement list has no 'content' array");
        }
        if (!existing.path("content").isEmpty()) {
            System.out.println("Demo data already there: the " + municipality + " agreement of " + year + ".");
            return;
        }

        String id =
                send(post("/api/agreements/import", agreement), 201).path("id").asText();
        send(post("/api/agreements/" + id + "/sign", SIGNATORIES), 200);
        System.out.printf(
                "Demo data loaded: %s %d, %d promises, signed (agreement %s).%n",
                demo.path("municipalityName").asText(),
                year,
                demo.path("promises").size(),
                id);
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(promiseService.url(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private JsonNode send(HttpRequest.Builder builder, int expectedStatus) {
        HttpRequest request = builder.timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", bearer())
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoDataException(describe(request) + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoDataException(describe(request) + " was interrupted");
        }
        if (response.statusCode() != expectedStatus) {
            throw new DemoDataException(describe(request) + " answered " + response.statusCode() + ", expected "
                    + expectedStatus + ": " + abbreviate(response.body()));
        }
        return parse(response.body());
    }

    private String bearer() {
        try {
            return tokens.bearer();
        } catch (TokenClient.TokenUnavailableException e) {
            throw new DemoDataException(e.getMessage());
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new DemoDataException("not JSON: " + e.getMessage());
        }
    }

    private static String readAgreement() {
        try (InputStream in = DemoData.class.getResourceAsStream(AGREEMENT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(HttpRequest request) {
        return request.method() + " " + request.uri();
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }

    private static final class DemoDataException extends RuntimeException {
        DemoDataException(String message) {
            super(message);
        }
    }
}
