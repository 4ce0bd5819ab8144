package se.medborgarloften.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;

/**
 * Main class of the store process: a MongoDB wire-protocol server (mongo-java-server) that keeps its data in an H2
 * MVStore file, so the services' real MongoDB driver works without a mongod and the data survives a restart. Queries
 * naming an {@code _id} use its index ({@link IdLookupIndex}), as in MongoDB.
 */
public final class MongoWireServer {

    private MongoWireServer() {}

    /** Arguments: the store file, the host and the port. */
    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: MongoWireServer <store file> <host> <port>");
        }
        StoreBackend backend = new StoreBackend(args[0]);
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        // shutdownNow closes the backend, which writes the MVStore file completely.
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-wire-server-stop"));
        server.bind(args[1], Integer.parseInt(args[2]));
    }
}
