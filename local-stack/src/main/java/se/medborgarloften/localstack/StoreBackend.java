package se.medborgarloften.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;

/**
 * The H2 backend of mongo-java-server on a {@link StoreFile}: documents kept as BSON, unique indexes ordered by value
 * ({@link OrderedUniqueIndex}), and {@link IdLookupIndex} for every collection's {@code _id}.
 */
final class StoreBackend extends H2Backend {

    StoreBackend(String file) {
        super(StoreFile.open(file));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                return new H2Collection(
                        this,
                        collectionName,
                        options,
                        StoreFile.documentMap(getMvStore(), namespace),
                        StoreFile.metadataMap(getMvStore(), namespace),
                        cursorRegistry);
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(
                    String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                var positions = StoreFile.indexMap(getMvStore(), getFullCollectionNamespace(collectionName), indexName);
                Index<Object> index = new OrderedUniqueIndex(positions, indexName, keys, sparse);
                return IdLookupIndex.isIdIndex(index) ? new IdLookupIndex(index) : index;
            }
        };
    }
}
