package se.medborgarloften.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queries naming an _id, answered through the _id index by the store process, give MongoDB's answers. */
class IdLookupIndexTest {

    @TempDir
    Path folder;

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> views;

    @BeforeEach
    void start() {
        server = new MongoServer(new StoreBackend(folder.resolve("store.mv").toString()));
        var address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        views = client.getDatabase("test").getCollection("views");
        views.insertMany(IntStream.range(0, 100)
                .mapToObj(
                        i -> new Document("_id", "a-" + i).append("version", 2L).append("area", "x" + i % 3))
                .toList());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void a_guarded_update_changes_its_document_only_while_the_guard_holds() {
        var older = guarded("a-7", 3L);
        assertThat(views.updateOne(older, Updates.set("version", 3L)).getModifiedCount())
                .isEqualTo(1);
        assertThat(views.updateOne(older, Updates.set("version", 3L)).getMatchedCount())
                .isZero();
        assertThat(views.find(Filters.eq("_id", "a-7")).first().getLong("version"))
                .isEqualTo(3L);
        assertThat(views.countDocuments(Filters.eq("version", 3L))).isEqualTo(1);
    }

    @Test
    void a_guarded_upsert_refused_by_its_guard_meets_the_unique_id() {
        var older = guarded("a-7", 2L);
        assertThatThrownBy(() -> views.updateOne(older, Updates.set("version", 2L), new UpdateOptions().upsert(true)))
                .isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
        var absent = guarded("new", 1L);
        views.updateOne(absent, Updates.set("version", 1L), new UpdateOptions().upsert(true));
        assertThat(views.find(Filters.eq("_id", "new")).first().getLong("version"))
                .isEqualTo(1L);
    }

    @Test
    void ids_in_a_list_with_another_condition_find_exactly_the_matching_documents() {
        var found = views.find(new Document("_id", new Document("$in", List.of("a-0", "a-1", "a-2", "a-3", "none")))
                        .append("area", "x0"))
                .map(document -> document.getString("_id"))
                .into(new java.util.ArrayList<>());
        assertThat(found).containsExactlyInAnyOrder("a-0", "a-3");
        assertThat(views.countDocuments(Filters.eq("area", "x1"))).isEqualTo(33);
        assertThat(List.of(views.find(Filters.eq("_id", "a-5")).first().getString("area")))
                .containsExactly("x2");
    }

    @Test
    void the_id_index_answers_a_query_that_names_an_id_beside_other_conditions() {
        MVStore store = MVStore.open(null);
        try {
            var unique = new OrderedUniqueIndex(
                    StoreFile.indexMap(store, "test.views", "_id_"), "_id_", List.of(new IndexKey("_id", true)), false);
            de.bwaldvogel.mongo.bson.Document query = new de.bwaldvogel.mongo.bson.Document("_id", "a-7")
                    .append("version", new de.bwaldvogel.mongo.bson.Document("$lt", 3L));

            assertThat(unique.canHandle(query)).isFalse();
            assertThat(new IdLookupIndex(unique).canHandle(query)).isTrue();
        } finally {
            store.close();
        }
    }

    /** As the services send it: {@code _id} and the guard side by side, not under {@code $and}. */
    private static Document guarded(String id, long versionBelow) {
        return new Document("_id", id).append("version", new Document("$lt", versionBelow));
    }
}
