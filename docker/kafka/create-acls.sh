#!/usr/bin/env bash
# The kafka-init service of docker-compose.yml: grants each client exactly the topics and consumer groups it uses,
# once the broker is healthy and before the services start. The broker denies everything without an ACL
# (allow.everyone.if.no.acl.found=false); only User:broker and User:admin are super users. Adding an ACL twice changes
# nothing, so this runs on every "docker compose up".
set -euo pipefail

config=/tmp/admin.properties
cat > "$config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${ADMIN_PASSWORD}";
PROPERTIES

acl() {
  /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$config" --add --force "$@" \
    > /dev/null
}

# The registry of platform/contracts Topics.ALL: every service creates every topic at start if it is missing
# (TopicRegistration), so each may describe and create these, and only these.
registry_topics=(
  police.traffic-controls.v1 police.traffic-controls.v1.dlq
  promise.events.v1 promise.events.v1.dlq
  activity.events.v1 activity.events.v1.dlq
  dialogue.events.v1 dialogue.events.v1.dlq
  reporting.promise-progress.v1
  reporting.situation-picture.v1
)
services=(promise-service activity-service dialogue-service reporting-service)

# One call for all of them: every kafka-acls.sh run starts a JVM.
acl "${services[@]/#/--allow-principal=User:}" --operation Describe --operation Create "${registry_topics[@]/#/--topic=}"

# Each service writes its own events; a consumer writes the dead letters of what it consumes, in its own groups.
acl --allow-principal User:promise-service --operation Write --topic promise.events.v1

acl --allow-principal User:activity-service --operation Write \
  --topic activity.events.v1 --topic police.traffic-controls.v1.dlq
acl --allow-principal User:activity-service --operation Read --topic police.traffic-controls.v1 --group activity-service

acl --allow-principal User:dialogue-service --operation Write --topic dialogue.events.v1

acl --allow-principal User:reporting-service --operation Read \
  --topic promise.events.v1 --topic activity.events.v1 --topic dialogue.events.v1 \
  --group reporting-service --group reporting-situation
acl --allow-principal User:reporting-service --operation Write \
  --topic promise.events.v1.dlq --topic activity.events.v1.dlq --topic dialogue.events.v1.dlq \
  --topic reporting.promise-progress.v1 --topic reporting.situation-picture.v1

# A police system only emits traffic controls.
acl --allow-principal User:police-system --operation Write --operation Describe --topic police.traffic-controls.v1

# A dashboard only reads the public reporting views, in consumer groups of its own.
acl --allow-principal User:dashboard --operation Read --operation Describe --resource-pattern-type prefixed \
  --topic reporting.
acl --allow-principal User:dashboard --operation Read --resource-pattern-type prefixed --group dashboard

echo "ACLs in place:"
/opt/kafka/bin/kafka-acls.sh --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$config" --list
