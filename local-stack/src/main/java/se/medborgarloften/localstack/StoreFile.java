package se.medborgarloften.localstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 MVStore file behind the store process: documents kept as BSON ({@link BsonDocumentType}), index maps
 * ordered by value ({@link IndexKeyType}).
 *
 * <p>A file written by mongo-java-server's own backend holds Java-serialized documents and index maps in byte order,
 * which the new types would misread or miss: its maps are rewritten once, before the first open, and the file is
 * marked so that it is not done again.
 */
final class StoreFile {

    private static final String DOCUMENTS = "databases.";
    private static final String METADATA = "meta.";
    private static final String INDEX = "._index_";
    private static final String FORMAT = "medborgarloften.format";
    private static final String VERSION = "version";
    private static final int CURRENT = 1;
    /** Twice H2's default: the pages of a busy stack's working set stay decoded instead of being read again. */
    private static final int CACHE_MIB = 32;

    private StoreFile() {}

    static MVStore open(String file) {
        MVStore store = serving(file);
        if (store.hasMap(FORMAT)) {
            return store;
        }
        // New, or written by the stock backend: converted in a store of its own, then opened again to serve.
        store.close();
        convert(file);
        return serving(file);
    }

    private static MVStore serving(String file) {
        return new MVStore.Builder().fileName(file).cacheSize(CACHE_MIB).open();
    }

    /**
     * Rewrites an older file's maps in one commit, with H2's background commits off, so a crash midway leaves the
     * file as it was and the next start converts it again.
     */
    private static void convert(String file) {
        MVStore store =
                new MVStore.Builder().fileName(file).autoCommitDisabled().open();
        try {
            for (String name : store.getMapNames()) {
                if (name.startsWith(DOCUMENTS)) {
                    rewrite(store, name, documents());
                } else if (name.contains(INDEX)) {
                    rewrite(store, name, indexKeys());
                }
            }
            store.<String, Object>openMap(FORMAT).put(VERSION, CURRENT);
            store.commit();
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
        store.close();
    }

    /** The documents of one collection, named as mongo-java-server names them. */
    static MVMap<Object, Document> documentMap(MVStore store, String collectionNamespace) {
        return store.openMap(DOCUMENTS + collectionNamespace, documents());
    }

    /** The size figures of one collection, as mongo-java-server keeps them. */
    static MVMap<String, Object> metadataMap(MVStore store, String collectionNamespace) {
        return store.openMap(METADATA + collectionNamespace);
    }

    /** The map of one unique index, named as mongo-java-server names it. */
    static MVMap<KeyValue, Object> indexMap(MVStore store, String collectionNamespace, String indexName) {
        return store.openMap(collectionNamespace + INDEX + indexName, indexKeys());
    }

    private static MVMap.Builder<Object, Document> documents() {
        return new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType());
    }

    private static MVMap.Builder<KeyValue, Object> indexKeys() {
        return new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType());
    }

    private static <K, V> void rewrite(MVStore store, String name, MVMap.Builder<K, V> format) {
        MVMap<Object, Object> written = store.openMap(name);
        List<Map.Entry<Object, Object>> entries = written.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue()))
                .toList();
        store.removeMap(written);
        @SuppressWarnings("unchecked")
        MVMap<Object, Object> rewritten = (MVMap<Object, Object>) store.openMap(name, format);
        entries.forEach(entry -> rewritten.put(entry.getKey(), entry.getValue()));
    }
}
