package se.medborgarloften.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * The {@code _id} index of a collection in the store process, used for every query that names an {@code _id}, not
 * only for queries on {@code _id} alone.
 *
 * <p>mongo-java-server picks an index only when the query's fields are exactly the index's, so a conditional
 * single-document update such as {@code {_id: "a-1", version: {$lt: 3}}} (the outbox's optimistic lock, the views'
 * latest-version-wins upsert) scanned the whole collection: its cost grew with the collection and made history
 * quadratic. MongoDB itself looks the document up by {@code _id} and checks the rest on it; so does this index. The
 * collection still matches the whole query against the documents found, so results are unchanged.
 */
final class IdLookupIndex extends Index<Object> {

    private static final String ID = "_id";

    private final Index<Object> unique;

    IdLookupIndex(Index<Object> unique) {
        super(unique.getName(), unique.getKeys(), false);
        this.unique = unique;
    }

    static boolean isIdIndex(Index<Object> index) {
        return index.getKeys().size() == 1 && ID.equals(index.getKeys().get(0).getKey());
    }

    @Override
    public boolean canHandle(Document query) {
        return unique.canHandle(query) || (query.containsKey(ID) && unique.canHandle(idOnly(query)));
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        return unique.getPositions(idOnly(query));
    }

    private static Document idOnly(Document query) {
        return new Document(ID, query.get(ID));
    }

    @Override
    public Object getPosition(Document document) {
        return unique.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        unique.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        unique.add(document, position, collection);
    }

    @Override
    public Object remove(Document document) {
        return unique.remove(document);
    }

    @Override
    public long getCount() {
        return unique.getCount();
    }

    @Override
    public long getDataSize() {
        return unique.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        unique.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(
            Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection)
            throws KeyConstraintError {
        unique.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        unique.drop();
    }

    @Override
    public boolean isUnique() {
        return unique.isUnique();
    }
}
