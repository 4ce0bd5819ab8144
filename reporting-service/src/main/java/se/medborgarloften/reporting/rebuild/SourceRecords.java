package se.medborgarloften.reporting.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import se.medborgarloften.platform.messaging.events.MalformedRecordException;

/**
 * What a replay hands a poll's worth of one topic's record values to. Unreadable records are skipped and counted (the
 * live consumer already dead-lettered them); the readable ones are applied, as a batch where the projection can.
 */
@FunctionalInterface
public interface SourceRecords {

    /** Applies the readable records of {@code values}; answers how many were unreadable and skipped. */
    int applyReadable(List<byte[]> values);

    /** Record by record, for projections whose events are few. */
    static SourceRecords eachOf(Consumer<byte[]> handler) {
        return values -> {
            int unreadable = 0;
            for (byte[] value : values) {
                try {
                    handler.accept(value);
                } catch (MalformedRecordException skipped) {
                    unreadable++;
                }
            }
            return unreadable;
        };
    }

    /** Read one by one, applied as one batch. */
    static <T> SourceRecords batchesOf(Function<byte[], T> reader, Consumer<List<T>> batch) {
        return values -> {
            List<T> readable = new ArrayList<>(values.size());
            int unreadable = 0;
            for (byte[] value : values) {
                try {
                    readable.add(reader.apply(value));
                } catch (MalformedRecordException skipped) {
                    unreadable++;
                }
            }
            if (!readable.isEmpty()) {
                batch.accept(readable);
            }
            return unreadable;
        };
    }
}
