package se.medborgarloften.platform.messaging.topics;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import se.medborgarloften.contracts.Topics;

/** Creates every topic of the registry, with its retention policy, when a service starts; existing ones are left as they are. */
public final class TopicRegistration {

    private TopicRegistration() {}

    public static KafkaAdmin.NewTopics allTopics(int replicas) {
        return new KafkaAdmin.NewTopics(
                Topics.ALL.stream().map(spec -> toNewTopic(spec, replicas)).toArray(NewTopic[]::new));
    }

    private static NewTopic toNewTopic(Topics.TopicSpec spec, int replicas) {
        TopicBuilder builder =
                TopicBuilder.name(spec.name()).partitions(spec.partitions()).replicas(replicas);
        if (spec.compacted()) {
            builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        return builder.build();
    }
}
