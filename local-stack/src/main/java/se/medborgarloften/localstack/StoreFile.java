package se.medborgarloften.localstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 MVStore file behind the store process, its index maps ordered by {@link IndexKeyType}.
 *
 * <p>A file written before that order holds its index maps in H2's byte order, where lookups in the new order would
 * miss: such maps are rewritten once, on the first open, and the file is marked so that it is not done again.
 */
final class StoreFile {

    private static final String INDEX_MAP = "._index_";
    private static final String FORMAT = "medborgarloften.format";
    private static final String INDEX_ORDER = "index-order";
    private static final int INDEX_ORDER_VERSION = 1;

    private StoreFile() {}

    static MVStore open(String file) {
        MVStore store = MVStore.open(file);
        MVMap<String, Object> format = store.openMap(FORMAT);
        if (!format.containsKey(INDEX_ORDER)) {
            store.getMapNames().stream()
                    .filter(name -> name.contains(INDEX_MAP))
                    .forEach(name -> reorder(store, name));
            format.put(INDEX_ORDER, INDEX_ORDER_VERSION);
            store.commit();
        }
        return store;
    }

    /** The map of one index, named as mongo-java-server names it. */
    static MVMap<KeyValue, Object> indexMap(MVStore store, String collectionNamespace, String indexName) {
        return indexMap(store, collectionNamespace + INDEX_MAP + indexName);
    }

    private static MVMap<KeyValue, Object> indexMap(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
    }

    private static void reorder(MVStore store, String name) {
        MVMap<Object, Object> byteOrdered = store.openMap(name);
        List<Map.Entry<Object, Object>> entries = byteOrdered.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue()))
                .toList();
        store.removeMap(byteOrdered);
        MVMap<KeyValue, Object> ordered = indexMap(store, name);
        entries.forEach(entry -> ordered.put((KeyValue) entry.getKey(), entry.getValue()));
    }
}
