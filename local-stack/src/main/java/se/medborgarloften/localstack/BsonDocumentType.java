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

    /** A first guess at a document's size; each written document moves it. */
    private volatile int averageSize = 1_024;

    @Override
    public int getMemory(Document document) {
        return averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = ENCODING.get().clear();
        BsonEncoder.encodeDocument(document, bson);
        int size = bson.readableBytes();
        buffer.put(bson.nioBuffer());
        averageSize = (size + 15 * averageSize) / 16;
    }

    @Override
    public Document read(ByteBuffer buffer) {
        // A BSON document starts with its own length, little-endian, the length included.
        int size = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer bson = buffer.slice().limit(size);
        buffer.position(buffer.position() + size);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
