package se.medborgarloften.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Waits for processes started together, the services or the auth server, to report UP on their actuator health endpoint. */
final class HealthWaiter {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    HealthWaiter(HttpClient http) {
        this.http = http;
    }

    /** Prints each service as it becomes healthy; fails as soon as one stops, or when time is up. */
    void awaitAll(Map<? extends WebProcess, ChildProcess> started, Instant since, Duration timeout) {
        Map<WebProcess, ChildProcess> pending = new LinkedHashMap<>(started);
        Instant deadline = since.plus(timeout);
        while (!pending.isEmpty()) {
            for (WebProcess service : List.copyOf(pending.keySet())) {
                if (!pending.get(service).isAlive()) {
                    throw pending.get(service).stoppedWhileStarting();
                }
                if (isUp(service)) {
                    pending.remove(service);
                    System.out.printf("  %-18s healthy after %s%n", service.module(), Elapsed.since(since));
                }
            }
            if (!pending.isEmpty() && Instant.now().isAfter(deadline)) {
                throw new StartupException(pending.values().stream()
                        .map(process -> process.notReadyWithin(timeout).getMessage())
                        .collect(Collectors.joining("\n")));
            }
            Pause.briefly();
        }
    }

    private boolean isUp(WebProcess service) {
        HttpRequest request = HttpRequest.newBuilder(service.url("/actuator/health"))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && "UP".equals(json.readTree(response.body()).path("status").asText());
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while waiting for the services");
        }
    }
}
