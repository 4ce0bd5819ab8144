package se.medborgarloften.localstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the store's index maps: an index key ({@link KeyValue}) compared and written value by value.
 *
 * <p>A key is not {@link Comparable}, so H2's default type Java-serialized both keys for every comparison of a lookup,
 * some twenty per lookup on a large collection, which led the store's profile; it also Java-serialized every key of
 * a page each time the page was written. Here keys compare element by element in MongoDB's value order, and each
 * element is written by H2's own type (compactly for strings and numbers, the usual keys). Two keys that order as
 * equal without being equal (normalized index keys should never be) still get the default's order, so the order stays
 * total.
 */
final class IndexKeyType extends BasicDataType<Object> {

    private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();
    private static final byte KEY = 1;
    private static final byte OTHER = 0;
    /** H2's estimate of an object's overhead, besides its values. */
    private static final int KEY_OVERHEAD = 48;

    private final ObjectDataType values = new ObjectDataType();

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            int order = compareKeys(left, right);
            return order != 0 || left.equals(right) ? order : values.compare(a, b);
        }
        return values.compare(a, b);
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

    @Override
    public int getMemory(Object key) {
        if (key instanceof KeyValue elements) {
            return KEY_OVERHEAD + elements.stream().mapToInt(values::getMemory).sum();
        }
        return values.getMemory(key);
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (key instanceof KeyValue elements) {
            buffer.put(KEY).putVarInt(elements.size());
            elements.forEach(element -> values.write(buffer, element));
        } else {
            values.write(buffer.put(OTHER), key);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get() == OTHER) {
            return values.read(buffer);
        }
        int size = DataUtils.readVarInt(buffer);
        List<Object> elements = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            elements.add(values.read(buffer));
        }
        return new KeyValue(elements);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
