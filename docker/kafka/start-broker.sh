#!/usr/bin/env bash
# Entry point of the kafka service in docker-compose.yml: formats the storage with the SCRAM users on the first start,
# then hands over to the image's own start script, which renders the KAFKA_* variables and starts the broker.
#
# Why format here: in KRaft the SCRAM credentials live in the cluster metadata, and the broker needs its own before it
# can talk to itself over SASL, so nobody could add them through the Admin API first. kafka-storage format --add-scram
# writes them into the initial metadata (KIP-900). The image formats without them and leaves a formatted storage
# alone, so formatting first is enough. Users added later, or new passwords, go through kafka-configs.sh --alter.
set -euo pipefail

scram_user() {
  echo "SCRAM-SHA-512=[name=$1,password=$2]"
}

# Only what formatting validates; the image renders the full configuration from the same variables afterwards.
format_config=/tmp/format.properties
cat > "$format_config" <<PROPERTIES
process.roles=${KAFKA_PROCESS_ROLES}
node.id=${KAFKA_NODE_ID}
controller.quorum.voters=${KAFKA_CONTROLLER_QUORUM_VOTERS}
controller.listener.names=${KAFKA_CONTROLLER_LISTENER_NAMES}
listeners=${KAFKA_LISTENERS}
advertised.listeners=${KAFKA_ADVERTISED_LISTENERS}
listener.security.protocol.map=${KAFKA_LISTENER_SECURITY_PROTOCOL_MAP}
inter.broker.listener.name=${KAFKA_INTER_BROKER_LISTENER_NAME}
sasl.enabled.mechanisms=${KAFKA_SASL_ENABLED_MECHANISMS}
sasl.mechanism.inter.broker.protocol=${KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL}
sasl.mechanism.controller.protocol=${KAFKA_SASL_MECHANISM_CONTROLLER_PROTOCOL}
log.dirs=${KAFKA_LOG_DIRS}
PROPERTIES

/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id "$CLUSTER_ID" --config "$format_config" \
  --add-scram "$(scram_user broker "$BROKER_PASSWORD")" \
  --add-scram "$(scram_user admin "$ADMIN_PASSWORD")" \
  --add-scram "$(scram_user promise-service "$PROMISE_SERVICE_PASSWORD")" \
  --add-scram "$(scram_user activity-service "$ACTIVITY_SERVICE_PASSWORD")" \
  --add-scram "$(scram_user dialogue-service "$DIALOGUE_SERVICE_PASSWORD")" \
  --add-scram "$(scram_user reporting-service "$REPORTING_SERVICE_PASSWORD")" \
  --add-scram "$(scram_user police-system "$POLICE_SYSTEM_PASSWORD")" \
  --add-scram "$(scram_user dashboard "$DASHBOARD_PASSWORD")"

# For the health check and for tools run in this container: the admin user on the host listener.
cat > /tmp/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${ADMIN_PASSWORD}";
PROPERTIES

exec /etc/kafka/docker/run
