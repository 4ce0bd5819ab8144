package se.medborgarloften.localstack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The value type of the store's document maps: each document written as the BSON the wire protocol carries.
 *
 * <p>H2's default type Java-serialized every document each time its page was written and read it back with an
 * {@code ObjectInputStream} on every cache miss; together that was half of the store's time under load. BSON is what
 * the server decodes from and encodes to the wire anyway, so a document reads back as the same values.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** Pages are written by a few H2 threads, each encoding into one buffer of its own rather than a new one each. */
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(64 * 1024));

    /**
     * What a decoded document takes on the heap per byte of its BSON: a police control's activity, 536 bytes of BSON,
     * decodes to some 3.6 KB of maps, strings and boxed numbers. H2 sizes its page cache by these estimates; counting
     * BSON bytes alone filled a 256 MiB heap with a cache meant to hold 32 MiB.
     */
    private static final int HEAP_PER_BSON_BYTE = 7;

    /** A first guess at a document's BSON size; each document written or read moves it. */
    private volatile int averageSize = 1_024;

    @Override
    public int getMemory(Document document) {
        return averageSize * HEAP_PER_BSON_BYTE;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = ENCODING.get().clear();
        BsonEncoder.encodeDocument(document, bson);
        buffer.put(bson.nioBuffer());
        measured(bson.readableBytes());
    }

    @Override
    public Document read(ByteBuffer buffer) {
        // A BSON document starts with its own length, little-endian, the length included.
        int size = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer bson = buffer.slice().limit(size);
        buffer.position(buffer.position() + size);
        measured(size);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    private void measured(int size) {
        averageSize = (size + 15 * averageSize) / 16;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
