package se.medborgarloften.platform.messaging.topics;

import java.time.Duration;
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
            // Small segments that roll every ten minutes let the cleaner reach the records soon, so a reader from
            // offset 0 replays about one record per key rather than every figure since the topic was made.
            builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                    .config(
                            TopicConfig.SEGMENT_MS_CONFIG,
                            String.valueOf(Duration.ofMinutes(10).toMillis()))
                    .config(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1");
        }
        return builder.build();
    }
}
