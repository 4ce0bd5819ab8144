package se.medborgarloften.localstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;

/**
 * The H2 backend of mongo-java-server with unique indexes ordered by value ({@link OrderedUniqueIndex}), and
 * {@link IdLookupIndex} for every collection's {@code _id}.
 */
final class IdLookupH2Backend extends H2Backend {

    IdLookupH2Backend(String file) {
        super(StoreFile.open(file));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
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
