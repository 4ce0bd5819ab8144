package se.medborgarloften.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml cannot run in CI (no Docker there), so its shape is checked here instead. */
class DockerComposeFileTest {

    private static Map<String, Object> services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("../docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = map(compose, "services");
        }
    }

    static Stream<Arguments> services() {
        return Stream.of(
                Arguments.of("promise-service", 8081, "promise"),
                Arguments.of("activity-service", 8082, "activity"),
                Arguments.of("dialogue-service", 8083, "dialogue"),
                Arguments.of("reporting-service", 8080, "reporting"));
    }

    @Test
    void runs_the_broker_the_store_and_the_four_services() {
        assertThat(services)
                .containsOnlyKeys(
                        "kafka",
                        "mongo",
                        "promise-service",
                        "activity-service",
                        "dialogue-service",
                        "reporting-service");
    }

    @Test
    void kafka_is_the_official_image_in_combined_mode_reachable_from_the_host_and_the_services() {
        Map<String, Object> kafka = map(services, "kafka");
        Map<String, Object> environment = map(kafka, "environment");

        assertThat(kafka).containsEntry("image", "apache/kafka:4.1.2");
        assertThat(kafka.get("ports")).isEqualTo(List.of("9092:9092"));
        assertThat(environment).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        assertThat(environment.get("KAFKA_ADVERTISED_LISTENERS").toString())
                .contains("PLAINTEXT://kafka:29092", "PLAINTEXT_HOST://localhost:9092");
        assertThat(environment).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        assertThat(kafka).containsKeys("healthcheck", "mem_limit");
    }

    @Test
    void mongo_is_a_replica_set_of_one_that_initiates_itself() {
        Map<String, Object> mongo = map(services, "mongo");

        assertThat(mongo).containsEntry("image", "mongo:8");
        assertThat(mongo.get("command").toString()).contains("--replSet", "rs0");
        assertThat(mongo.get("ports")).isEqualTo(List.of("27017:27017"));
        assertThat(map(mongo, "healthcheck").get("test").toString()).contains("rs.initiate", "mongo:27017");
        assertThat(mongo).containsKey("mem_limit");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void each_service_is_built_here_and_publishes_its_port(String name, int port, String database) {
        Map<String, Object> service = map(services, name);
        Map<String, Object> build = map(service, "build");

        assertThat(build).containsEntry("dockerfile", "docker/Dockerfile");
        assertThat(map(build, "args")).containsEntry("MODULE", name);
        assertThat(service.get("ports")).isEqualTo(List.of(port + ":" + port));
        assertThat(map(service, "environment"))
                .containsEntry("SERVER_PORT", String.valueOf(port))
                .containsEntry("SPRING_MONGODB_URI", "mongodb://mongo:27017/" + database + "?replicaSet=rs0")
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:29092");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void each_service_has_a_health_check_a_memory_limit_and_waits_for_a_healthy_broker_and_store(
            String name, int port, String database) {
        Map<String, Object> service = map(services, name);
        Map<String, Object> dependsOn = map(service, "depends_on");

        assertThat(map(service, "healthcheck").get("test").toString())
                .contains("http://localhost:" + port + "/actuator/health");
        assertThat(service).containsEntry("mem_limit", "640m").containsKey("restart");
        assertThat(dependsOn).containsOnlyKeys("kafka", "mongo");
        assertThat(map(dependsOn, "kafka")).containsEntry("condition", "service_healthy");
        assertThat(map(dependsOn, "mongo")).containsEntry("condition", "service_healthy");
    }

    @Test
    void uses_the_same_ports_as_the_local_stack() {
        for (Service local : Service.ALL) {
            assertThat(map(services, local.module()).get("ports"))
                    .as(local.module())
                    .isEqualTo(List.of(local.port() + ":" + local.port()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }
}
