package se.medborgarloften.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store file keeps every document as written and findable by its key across restarts, also an older file. */
class StoreFileTest {

    private static final List<String> IDS =
            IntStream.range(0, 300).mapToObj(i -> "a-" + i).toList();

    @TempDir
    Path folder;

    @Test
    void a_file_whose_indexes_were_kept_in_byte_order_is_reordered_once_and_finds_every_document() {
        String file = folder.resolve("store.mv").toString();
        withStore(new H2Backend(file), StoreFileTest::insertAll);

        withStore(new StoreBackend(file), StoreFileTest::findsEachAndRefusesDuplicates);
        withStore(new StoreBackend(file), StoreFileTest::findsEachAndRefusesDuplicates);
    }

    @Test
    void a_new_file_finds_every_document_after_a_restart() {
        String file = folder.resolve("store.mv").toString();
        withStore(new StoreBackend(file), StoreFileTest::insertAll);

        withStore(new StoreBackend(file), StoreFileTest::findsEachAndRefusesDuplicates);
    }

    @Test
    void keys_of_every_kind_are_found_and_kept_unique_in_the_id_and_a_compound_index_after_a_restart() {
        String file = folder.resolve("store.mv").toString();
        List<Object> ids = List.of(
                new ObjectId(), new ObjectId(), 3L, 2.5, -1, "b", "a-10", "a-9", new Document("day", "2021-12-01"));
        withStore(new StoreBackend(file), views -> {
            views.createIndex(Indexes.ascending("area", "day"), new IndexOptions().unique(true));
            for (int i = 0; i < ids.size(); i++) {
                views.insertOne(new Document("_id", ids.get(i))
                        .append("area", "x" + i % 2)
                        .append("day", i));
            }
        });

        withStore(new StoreBackend(file), views -> {
            assertThat(ids)
                    .allSatisfy(
                            id -> assertThat(views.find(Filters.eq("_id", id)).first())
                                    .as(String.valueOf(id))
                                    .isNotNull());
            assertThat(views.find(Filters.and(Filters.eq("area", "x1"), Filters.eq("day", 3)))
                            .first())
                    .extracting(document -> document.get("_id"))
                    .isEqualTo(ids.get(3));
            assertThatThrownBy(() -> views.insertOne(new Document("_id", 3.0))).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> views.insertOne(new Document("area", "x0").append("day", 4)))
                    .hasMessageContaining("duplicate key");
        });
    }

    @Test
    void a_document_reads_back_after_a_restart_with_every_value_as_it_was_written() {
        String file = folder.resolve("store.mv").toString();
        Document written = new Document("_id", new ObjectId())
                .append("text", "Hässleholm ✓")
                .append("int", 7)
                .append("long", 1L << 40)
                .append("double", 0.25)
                .append("decimal", new Decimal128(new BigDecimal("12.50")))
                .append("flag", true)
                .append("none", null)
                .append("at", new Date(1_638_316_800_000L))
                .append("bytes", new Binary(new byte[] {1, 2, 3}))
                .append("list", List.of("a", 2, new Document("b", 3L)))
                .append("nested", new Document("members", new Document("a-1", 4L)));
        withStore(new StoreBackend(file), views -> views.insertOne(written));

        withStore(
                new StoreBackend(file),
                views -> assertThat(views.find(Filters.eq("_id", written.get("_id")))
                                .first())
                        .isEqualTo(written));
    }

    private static void insertAll(MongoCollection<Document> views) {
        views.insertMany(IDS.stream()
                .map(id -> new Document("_id", id).append("version", 1L))
                .toList());
    }

    private static void findsEachAndRefusesDuplicates(MongoCollection<Document> views) {
        assertThat(IDS)
                .allSatisfy(id -> assertThat(views.find(Filters.eq("_id", id)).first())
                        .as(id)
                        .isNotNull());
        assertThatThrownBy(() -> views.insertOne(new Document("_id", "a-42")))
                .isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
        assertThat(views.countDocuments()).isEqualTo(IDS.size());
    }

    private static void withStore(MongoBackend backend, Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        try (var client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            use.accept(client.getDatabase("test").getCollection("views"));
        } finally {
            server.shutdownNow();
        }
    }
}
