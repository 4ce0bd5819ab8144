package se.medborgarloften.platform.messaging.mongo;

import java.util.HashSet;
import java.util.Set;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;

/**
 * Runs an unordered bulk write whose operations guard themselves: an insert of an existing id, or an upsert whose
 * condition no longer holds, meets the unique {@code _id} and fails alone, which is the expected answer and not an
 * error. Every other failure is thrown.
 */
public final class BulkWrites {

    private static final int DUPLICATE_KEY = 11000;

    private BulkWrites() {}

    /** Executes {@code bulk}; answers the indexes of the operations refused as duplicates. */
    public static Set<Integer> executeRefusingDuplicates(BulkOperations bulk) {
        Set<Integer> duplicates = new HashSet<>();
        try {
            bulk.execute();
        } catch (BulkOperationException refused) {
            for (var error : refused.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw refused;
                }
                duplicates.add(error.getIndex());
            }
        }
        return duplicates;
    }
}
