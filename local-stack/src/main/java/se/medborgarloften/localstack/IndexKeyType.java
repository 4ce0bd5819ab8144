package se.medborgarloften.localstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.util.Comparator;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the store's index maps: H2's own encoding on disk, but keys compared as values, not as bytes.
 *
 * <p>An index key ({@link KeyValue}) is not {@link Comparable}, so H2's default type Java-serialized both keys for
 * every comparison of a lookup, some twenty per lookup on a large collection: that led the store's profile. Keys are
 * compared element by element in MongoDB's value order here; two keys that order as equal without being equal (which
 * normalized index keys should never be) still get the default's byte order, so the order stays total.
 */
final class IndexKeyType extends ObjectDataType {

    private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            int order = compareKeys(left, right);
            return order != 0 || left.equals(right) ? order : super.compare(a, b);
        }
        return super.compare(a, b);
    }

    private static int compareKeys(KeyValue left, KeyValue right) {
        int size = Math.min(left.size(), right.size());
        for (int i = 0; i < size; i++) {
            int order = VALUES.compare(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }
}
