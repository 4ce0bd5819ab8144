package se.medborgarloften.localstack;

import java.time.Duration;
import java.util.List;

/** The store process of the stack, speaking the MongoDB wire protocol on the usual port. */
final class MongoWireStore {

    static final int PORT = 27017;
    static final String URI = "mongodb://" + Ports.HOST + ":" + PORT;
    /** Also how {@link StoreProcess} starts it for the tests. */
    static final List<String> JVM_OPTIONS = List.of(
            JavaCommand.SMALL_INITIAL_HEAP,
            // mongo-java-server sorts the whole match of a sorted query in memory: a list page over 50,000 activities
            // holds all of them (some 3.6 KB of heap each) for a moment. The heap grows to that only when asked; once
            // grown it stays resident until a full collection shrinks it (704 MiB after the full benchmark).
            "-Xmx768m",
            JavaCommand.SERIAL_GC,
            "-XX:+ExitOnOutOfMemoryError",
            JavaCommand.SERVER_LOGGING);

    private final ChildProcess process;

    private MongoWireStore(ChildProcess process) {
        this.process = process;
    }

    static MongoWireStore start(Repository repository, DataFolder data, StackProcesses processes) {
        JavaCommand command = new JavaCommand(
                JVM_OPTIONS,
                repository.localStackClasspath(),
                MongoWireServer.class.getName(),
                List.of(data.mongo().resolve("store.mv").toString(), Ports.HOST, String.valueOf(PORT)));
        ChildProcess process = ChildProcess.start("mongo", command, repository.root(), data.log("mongo"));
        processes.register(StackProcesses.Tier.STORE, process);
        return new MongoWireStore(process);
    }

    /** The server binds its port only after the store file is open, so an accepted connection means ready. */
    void awaitReady(Duration timeout) {
        process.awaitReady(timeout, () -> Ports.accepts(PORT));
    }
}
