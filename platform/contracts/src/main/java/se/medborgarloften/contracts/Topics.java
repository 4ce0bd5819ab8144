package se.medborgarloften.contracts;

import java.util.List;
import java.util.stream.Stream;

/** The one registry of every Kafka topic the platform reads or writes. */
public final class Topics {

    public static final String POLICE_TRAFFIC_CONTROLS = "police.traffic-controls.v1";
    public static final String PROMISE_EVENTS = "promise.events.v1";
    public static final String ACTIVITY_EVENTS = "activity.events.v1";
    public static final String DIALOGUE_EVENTS = "dialogue.events.v1";
    public static final String PROMISE_PROGRESS = "reporting.promise-progress.v1";
    public static final String SITUATION_PICTURE = "reporting.situation-picture.v1";

    private static final String DLQ_SUFFIX = ".dlq";

    /** Every topic with how it is kept: the reporting views are compacted so a reader from offset 0 gets the whole current picture. */
    public static final List<TopicSpec> ALL = Stream.of(
                    TopicSpec.stream(POLICE_TRAFFIC_CONTROLS),
                    TopicSpec.stream(PROMISE_EVENTS),
                    TopicSpec.stream(ACTIVITY_EVENTS),
                    TopicSpec.stream(DIALOGUE_EVENTS),
                    TopicSpec.compacted(PROMISE_PROGRESS),
                    TopicSpec.compacted(SITUATION_PICTURE))
            .flatMap(spec -> spec.compacted() ? Stream.of(spec) : Stream.of(spec, TopicSpec.stream(dlq(spec.name()))))
            .toList();

    private Topics() {}

    /** Records of {@code topic} that could not be processed go here, with the reason in headers. */
    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }

    public record TopicSpec(String name, int partitions, boolean compacted) {

        static final int DEFAULT_PARTITIONS = 3;

        static TopicSpec stream(String name) {
            return new TopicSpec(name, DEFAULT_PARTITIONS, false);
        }

        static TopicSpec compacted(String name) {
            return new TopicSpec(name, DEFAULT_PARTITIONS, true);
        }
    }
}
