package se.medborgarloften.platform.messaging.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/**
 * A MongoDB wire-protocol server in the test JVM, shared by every test of the JVM; each test context names its own
 * database. The services talk to it through the real MongoDB driver, exactly as to a real mongod.
 */
public final class EmbeddedMongo {

    private static InetSocketAddress address;

    private EmbeddedMongo() {}

    public static synchronized String uri(String database) {
        if (address == null) {
            MongoServer server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
            address = server.bind();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-mongo-stop"));
        }
        return "mongodb://127.0.0.1:%d/%s".formatted(address.getPort(), database);
    }
}
