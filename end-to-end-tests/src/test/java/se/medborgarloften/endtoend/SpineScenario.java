package se.medborgarloften.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openqa.selenium.OutputType;
import org.springframework.util.FileCopyUtils;
import se.medborgarloften.contracts.Topics;
import se.medborgarloften.localstack.AuthServerProcess;
import se.medborgarloften.localstack.ServiceProcess;
import se.medborgarloften.localstack.TokenClient;
import se.medborgarloften.platform.messaging.testing.Api;
import se.medborgarloften.platform.messaging.testing.EventSchemas;
import se.medborgarloften.platform.messaging.testing.HeadlessChromium;
import se.medborgarloften.platform.messaging.testing.TestIssuer;
import se.medborgarloften.platform.messaging.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * The spine of the platform as a user meets it: the agreement is signed in promise-service, a police system writes a
 * traffic control to Kafka, and reporting-service shows it as progress on the monthly commitment, over HTTP and on
 * the compacted topic. The same story runs on the embedded broker and store and, where Docker exists, on real ones.
 */
abstract class SpineScenario {

    static final String CONTROL_ID = "RPS-1293-2021-000123";
    static final String POLICE_RECORD = """
            {
              "controlId": "RPS-1293-2021-000123",
              "municipalityCode": "1293",
              "location": { "name": "Väg 21 norr om Hässleholm", "lat": 56.17, "lon": 13.77 },
              "startedAt": "2021-03-31T23:30:00+02:00",
              "endedAt": "2021-04-01T01:00:00+02:00",
              "kind": "SPEED",
              "targeted": true,
              "vehiclesChecked": 120,
              "violations": 7,
              "unit": "LPO Hässleholm"
            }""";
    static final String SIGNATORIES = """
            {"signatories":[
              {"name":"Lars Svensson","title":"Kommunstyrelsens ordförande","party":"MUNICIPALITY"},
              {"name":"Eva Lind","title":"Lokalpolisområdeschef","party":"POLICE"}]}""";
    static final Duration STARTUP = Duration.ofMinutes(3);
    static final Path LOGS = Path.of("target", "service-logs");
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    abstract String bootstrapServers();

    abstract String mongoUri(String database);

    /**
     * With the real authorization server of the local stack: the coordinator's token comes from it by client
     * credentials, and the services check it against its keys, issuer and audience.
     */
    void a_police_traffic_control_flows_through_to_promise_progress_once() throws IOException {
        try (AuthServerProcess auth = AuthServerProcess.start(REPOSITORY, LOGS.resolve("auth-server.log"));
                ServiceProcess promise = start(auth.resourceServerArguments(), "promise-service", "promise");
                ServiceProcess activity = start(auth.resourceServerArguments(), "activity-service", "activity");
                ServiceProcess reporting = start(auth.resourceServerArguments(), "reporting-service", "reporting")) {
            auth.awaitHealthy(STARTUP);
            List.of(promise, activity, reporting).forEach(service -> service.awaitHealthy(STARTUP));

            Api promises = Api.withToken(promise.port(), accessToken(auth.tokens("coordinator-1293")));
            Api otherMunicipality = Api.withToken(promise.port(), accessToken(auth.tokens("coordinator-1294")));
            assertThat(otherMunicipality.post("/api/agreements/import", seed()).status())
                    .isEqualTo(403);
            String agreement = promises.post("/api/agreements/import", seed())
                    .json()
                    .get("id")
                    .asString();
            assertThat(promises.post("/api/agreements/" + agreement + "/sign", SIGNATORIES)
                            .status())
                    .isEqualTo(200);
            String commitment = trafficCommitment(
                    promises.get("/api/agreements/" + agreement).json());

            sendPoliceRecord(CONTROL_ID, POLICE_RECORD);

            Api reports = Api.anonymous(reporting.port()); // progress is public
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(
                                    march(reports, commitment).get("done").asLong())
                            .isEqualTo(1));
            assertThat(march(reports, commitment).get("target").asLong()).isEqualTo(20);
            assertThat(march(reports, commitment).get("vehiclesChecked").asLong())
                    .isEqualTo(120);

            try (var progress = new TopicProbe(bootstrapServers(), Topics.PROMISE_PROGRESS)) {
                String key = commitment + ":2021-03";
                var published = progress.awaitRecords(records -> done(records, key) == 1);
                List<ConsumerRecord<String, String>> marchFigures =
                        published.stream().filter(r -> r.key().equals(key)).toList();
                marchFigures.forEach(r -> EventSchemas.assertConforms("promise-progress.v1.json", r.value()));

                sendPoliceRecord(CONTROL_ID, POLICE_RECORD);
                sendPoliceRecord(
                        "RPS-1293-2021-000124",
                        POLICE_RECORD
                                .replace(CONTROL_ID, "RPS-1293-2021-000124")
                                .replace("2021-03-31T23:30:00+02:00", "2021-04-02T08:00:00+02:00")
                                .replace("2021-04-01T01:00:00+02:00", "2021-04-02T09:00:00+02:00"));
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(period(reports, commitment, "2021-04")
                                        .get("done")
                                        .asLong())
                                .isEqualTo(1));
                assertThat(march(reports, commitment).get("done").asLong()).isEqualTo(1);
                assertThat(progress.drain(Duration.ofSeconds(1)).stream()
                                .filter(r -> r.key().equals(key)))
                        .as("the repeated record published no new March figure")
                        .hasSameSizeAs(marchFigures);
            }
        }
    }

    /**
     * The public page, open in a real browser, shows a control written to the police topic within two seconds and
     * without a reload: police feed → activity-service → reporting-service → server-sent event → the card.
     */
    void an_open_dashboard_shows_a_new_police_control_within_two_seconds() {
        try (ServiceProcess promise = start("promise-service", "promise-page");
                ServiceProcess activity = start("activity-service", "activity-page");
                ServiceProcess reporting =
                        start("reporting-service", "reporting-page", "--spring.cloud.stream.default.group=page");
                HeadlessChromium chromium = new HeadlessChromium(1280, 1800)) {
            List.of(promise, activity, reporting).forEach(service -> service.awaitHealthy(STARTUP));
            Api promises = new Api(promise.port());
            String agreement = promises.post("/api/agreements/import", seed().replace("\"1293\"", "\"1281\""))
                    .json()
                    .get("id")
                    .asString();
            assertThat(promises.post("/api/agreements/" + agreement + "/sign", SIGNATORIES)
                            .status())
                    .isEqualTo(200);
            String commitment = trafficCommitment(
                    promises.get("/api/agreements/" + agreement).json());
            Api reports = new Api(reporting.port());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !reports.get("/api/progress?municipalityCode=1281&year=2021")
                            .json()
                            .get("agreements")
                            .isEmpty());

            var browser = chromium.browser();
            browser.get("http://127.0.0.1:" + reporting.port() + "/?kommun=1281&ar=2021");
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> mayMarker(browser).equals("0"));
            browser.executeScript("window.sameDocument = 'still here';");

            long sent = System.nanoTime();
            sendPoliceRecord(
                    "RPS-1281-2021-000001",
                    POLICE_RECORD
                            .replace(CONTROL_ID, "RPS-1281-2021-000001")
                            .replace("\"1293\"", "\"1281\"")
                            .replace("2021-03-31T23:30:00+02:00", "2021-05-12T08:00:00+02:00")
                            .replace("2021-04-01T01:00:00+02:00", "2021-05-12T09:00:00+02:00"));
            await().atMost(Duration.ofSeconds(2))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> mayMarker(browser).equals("1"));
            System.out.printf(
                    "police topic → open page: %d ms (commitment %s)%n",
                    Duration.ofNanos(System.nanoTime() - sent).toMillis(), commitment);
            assertThat(browser.executeScript("return window.sameDocument;")).isEqualTo("still here");
            Path screenshot = Path.of("target", "dashboard-live.png");
            FileCopyUtils.copy(browser.getScreenshotAs(OutputType.BYTES), screenshot.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The May marker of the traffic promise's month row, as the page shows it. */
    private static String mayMarker(org.openqa.selenium.JavascriptExecutor browser) {
        Object shown = browser.executeScript("""
                const marker = document.querySelector("article.card li[data-period='2021-05'] .marker");
                return marker ? marker.textContent : '';""");
        return String.valueOf(shown).trim();
    }

    /** A new reporting instance in a fresh consumer group replays every event from offset 0 onto the same store. */
    void a_replay_from_the_beginning_counts_nothing_twice() {
        try (ServiceProcess replaying =
                start("reporting-service", "reporting", "--spring.cloud.stream.default.group=replay")) {
            replaying.awaitHealthy(STARTUP);
            Api reports = new Api(replaying.port());
            await().pollDelay(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> {
                        JsonNode traffic = trafficProgress(reports);
                        assertThat(HassleholmTraffic.period(traffic, "2021-03")
                                        .get("done")
                                        .asLong())
                                .isEqualTo(1);
                        assertThat(HassleholmTraffic.period(traffic, "2021-04")
                                        .get("done")
                                        .asLong())
                                .isEqualTo(1);
                    });
        }
    }

    /** A service as a process, trusting the test JVM's token issuer like {@link Api}'s tokens expect. */
    private ServiceProcess start(String module, String database, String... extraArguments) {
        return start(TestIssuer.get().serviceArguments(), module, database, extraArguments);
    }

    private ServiceProcess start(List<String> trust, String module, String database, String... extraArguments) {
        List<String> arguments = new ArrayList<>(trust);
        arguments.addAll(List.of(extraArguments));
        return ServiceProcess.start(
                module,
                REPOSITORY,
                bootstrapServers(),
                mongoUri(database),
                LOGS.resolve(module + ".log"),
                arguments.toArray(String[]::new));
    }

    private static String accessToken(TokenClient tokens) {
        return tokens.bearer().substring("Bearer ".length());
    }

    private void sendPoliceRecord(String controlId, String json) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.POLICE_TRAFFIC_CONTROLS, controlId, json));
        }
    }

    private static long done(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream()
                .filter(r -> r.key().equals(key))
                .reduce((first, second) -> second)
                .map(r -> Api.parse(r.value()).get("done").asLong())
                .orElse(-1L);
    }

    private static JsonNode march(Api reports, String commitment) {
        return period(reports, commitment, "2021-03");
    }

    private static JsonNode period(Api reports, String commitment, String period) {
        JsonNode traffic = trafficProgress(reports);
        assertThat(traffic.get("commitmentId").asString()).isEqualTo(commitment);
        return HassleholmTraffic.period(traffic, period);
    }

    private static JsonNode trafficProgress(Api reports) {
        return HassleholmTraffic.commitment(
                reports.get(HassleholmTraffic.PROGRESS).json());
    }

    private static String trafficCommitment(JsonNode agreement) {
        return agreement
                .get("promises")
                .valueStream()
                .flatMap(p -> p.get("commitments").valueStream())
                .filter(c -> c.get("activityType").asString().equals("TRAFFIC_CONTROL"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
    }

    private static String seed() throws IOException {
        try (InputStream in = SpineScenario.class.getResourceAsStream("/demo/hassleholm-2021.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
