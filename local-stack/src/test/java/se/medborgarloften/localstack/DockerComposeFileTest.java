package se.medborgarloften.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;
import se.medborgarloften.contracts.Topics;

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
    void runs_the_broker_its_acl_setup_the_store_the_auth_server_and_the_four_services() {
        assertThat(services)
                .containsOnlyKeys(
                        "kafka",
                        "kafka-init",
                        "mongo",
                        "auth-server",
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
                .contains("INTERNAL://kafka:29092", "HOST://localhost:9092");
        assertThat(environment).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        assertThat(kafka).containsKeys("healthcheck", "mem_limit");
    }

    @Test
    void kafka_authenticates_every_listener_with_sasl_and_denies_what_no_acl_allows() throws IOException {
        Map<String, Object> kafka = map(services, "kafka");
        Map<String, Object> environment = map(kafka, "environment");

        assertThat(environment.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").toString())
                .isEqualTo("CONTROLLER:SASL_PLAINTEXT,INTERNAL:SASL_PLAINTEXT,HOST:SASL_PLAINTEXT");
        assertThat(environment)
                .containsEntry("KAFKA_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512")
                .containsEntry("KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL", "SCRAM-SHA-512")
                .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_SUPER_USERS", "User:broker;User:admin");
        assertThat(kafka.get("entrypoint").toString()).contains("/opt/medborgarloften/start-broker.sh");
        assertThat(kafka.get("volumes").toString()).contains("./docker/kafka:/opt/medborgarloften:ro");
        assertThat(map(kafka, "healthcheck").get("test").toString()).contains("--command-config");
    }

    @Test
    void the_scram_users_are_created_when_the_storage_is_formatted() throws IOException {
        String startBroker = Files.readString(Path.of("../docker/kafka/start-broker.sh"));
        Map<String, Object> environment = map(map(services, "kafka"), "environment");

        assertThat(startBroker).contains("kafka-storage.sh format", "exec /etc/kafka/docker/run");
        for (String user : List.of(
                "broker",
                "admin",
                "promise-service",
                "activity-service",
                "dialogue-service",
                "reporting-service",
                "police-system",
                "dashboard")) {
            String variable = user.toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD";
            assertThat(startBroker)
                    .as(user)
                    .contains("--add-scram \"$(scram_user " + user + " \"$" + variable + "\")\"");
            assertThat(environment).as(user).containsKey(variable);
        }
    }

    @Test
    void kafka_init_grants_the_acls_of_every_registry_topic_once_the_broker_is_healthy() throws IOException {
        Map<String, Object> init = map(services, "kafka-init");
        String createAcls = Files.readString(Path.of("../docker/kafka/create-acls.sh"));

        assertThat(init).containsEntry("image", "apache/kafka:4.1.2").containsEntry("restart", "no");
        assertThat(init.get("entrypoint").toString()).contains("/opt/medborgarloften/create-acls.sh");
        assertThat(map(map(init, "depends_on"), "kafka")).containsEntry("condition", "service_healthy");
        String registry = createAcls.substring(createAcls.indexOf("registry_topics=(") + "registry_topics=(".length());
        List<String> grantedTopics =
                List.of(registry.substring(0, registry.indexOf(')')).trim().split("\\s+"));
        assertThat(grantedTopics)
                .containsExactlyInAnyOrderElementsOf(
                        Topics.ALL.stream().map(Topics.TopicSpec::name).toList());
    }

    @Test
    void the_police_system_may_only_emit_traffic_controls_and_a_dashboard_only_read_reporting_views()
            throws IOException {
        String createAcls = Files.readString(Path.of("../docker/kafka/create-acls.sh"));

        assertThat(createAcls.lines().filter(line -> line.contains("User:police-system")))
                .containsExactly("acl --allow-principal User:police-system --operation Write --operation Describe"
                        + " --topic " + Topics.POLICE_TRAFFIC_CONTROLS);
        assertThat(createAcls)
                .contains("acl --allow-principal User:dashboard --operation Read --operation Describe"
                        + " --resource-pattern-type prefixed \\\n  --topic reporting.\n")
                .contains("acl --allow-principal User:dashboard --operation Read --resource-pattern-type prefixed"
                        + " --group dashboard\n");
    }

    @Test
    void the_auth_server_is_built_here_issues_tokens_as_auth_server_and_has_a_health_check() {
        Map<String, Object> authServer = map(services, "auth-server");

        assertThat(map(map(authServer, "build"), "args")).containsEntry("MODULE", "auth-server");
        assertThat(authServer.get("ports")).isEqualTo(List.of("9000:9000"));
        assertThat(map(authServer, "environment"))
                .containsEntry("SPRING_SECURITY_OAUTH2_AUTHORIZATIONSERVER_ISSUER", "http://auth-server:9000");
        assertThat(map(authServer, "healthcheck").get("test").toString())
                .contains("http://localhost:9000/actuator/health");
        assertThat(authServer).containsKeys("mem_limit", "restart");
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
    void each_service_signs_in_to_kafka_as_itself_with_the_password_the_broker_was_given(
            String name, int port, String database) {
        Map<String, Object> environment = map(map(services, name), "environment");
        String passwordVariable = name.toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD";
        Object brokerSide = map(map(services, "kafka"), "environment").get(passwordVariable);

        assertThat(environment)
                .containsEntry("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
        assertThat(environment.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").toString())
                .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required")
                .contains("username=\"" + name + "\"", "password=\"" + brokerSide + "\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void each_service_accepts_only_tokens_of_the_compose_auth_server(String name, int port, String database) {
        assertThat(map(map(services, name), "environment"))
                .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", "http://auth-server:9000")
                .containsEntry(
                        "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", "http://auth-server:9000/oauth2/jwks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void each_service_has_a_health_check_a_memory_limit_and_waits_for_the_broker_its_acls_the_store_and_the_auth_server(
            String name, int port, String database) {
        Map<String, Object> service = map(services, name);
        Map<String, Object> dependsOn = map(service, "depends_on");

        assertThat(map(service, "healthcheck").get("test").toString())
                .contains("http://localhost:" + port + "/actuator/health");
        assertThat(service).containsEntry("mem_limit", "640m").containsKey("restart");
        assertThat(dependsOn).containsOnlyKeys("kafka", "kafka-init", "mongo", "auth-server");
        assertThat(map(dependsOn, "kafka")).containsEntry("condition", "service_healthy");
        assertThat(map(dependsOn, "kafka-init")).containsEntry("condition", "service_completed_successfully");
        assertThat(map(dependsOn, "mongo")).containsEntry("condition", "service_healthy");
        assertThat(map(dependsOn, "auth-server")).containsEntry("condition", "service_healthy");
    }

    @Test
    void uses_the_same_ports_as_the_local_stack() {
        for (Service local : Service.ALL) {
            assertThat(map(services, local.module()).get("ports"))
                    .as(local.module())
                    .isEqualTo(List.of(local.port() + ":" + local.port()));
        }
        assertThat(map(services, AuthServer.LOCAL.module()).get("ports"))
                .isEqualTo(List.of(AuthServer.LOCAL.port() + ":" + AuthServer.LOCAL.port()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }
}
