package se.medborgarloften.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run does and how big: the full run by default, {@code --smoke} for a quick one, each size overridable.
 *
 * @param serviceArguments extra {@code --property=value} arguments for every service, e.g. to raise the public
 *     read rate limit for the read measurement: {@code --service-arg=--some.rate-limit=100000}
 */
record Options(
        boolean smoke,
        int rawRecords,
        int ingestRecords,
        Duration ingestTimeout,
        int freshnessRate,
        Duration freshnessDuration,
        int readThreads,
        Duration readDuration,
        int rebuildEvents,
        Duration rebuildTimeout,
        boolean keepData,
        List<String> serviceArguments) {

    static final String USAGE = """
            Usage: bin/benchmark [--no-build] [--smoke] [options]
              --smoke                  a quick run (~2 min): small sizes, short phases
              --raw-records=N          records of the raw Kafka baseline (full 500000, smoke 100000)
              --ingest-records=N       police records sent in the ingest phase (full 50000, smoke 5000)
              --ingest-timeout=S       seconds to wait for reporting to count them all (full 240, smoke 60)
              --freshness-rate=R       records per second in the freshness phase (100)
              --freshness-seconds=S    length of the freshness phase (full 30, smoke 10)
              --read-threads=N         concurrent readers in the public read phase (16)
              --read-seconds=S         length of each public read run (full 15, smoke 5)
              --rebuild-events=N       historical activity events replayed by the rebuild (full 1000000, smoke 10000)
              --rebuild-timeout=S      seconds the rebuild may take before it is judged on what it did (full 180, smoke 60)
              --service-arg=ARG        an extra argument for every service, e.g. --service-arg=--a.property=value
              --keep-data              keep the broker's and the store's data under benchmark/target/runs/
            """;

    static Options parse(String[] args) {
        boolean smoke = List.of(args).contains("--smoke");
        int rawRecords = smoke ? 100_000 : 500_000;
        int ingestRecords = smoke ? 5_000 : 50_000;
        int ingestTimeout = smoke ? 60 : 240;
        int freshnessRate = 100;
        int freshnessSeconds = smoke ? 10 : 30;
        int readThreads = 16;
        int readSeconds = smoke ? 5 : 15;
        int rebuildEvents = smoke ? 10_000 : 1_000_000;
        int rebuildTimeout = smoke ? 60 : 180;
        boolean keepData = false;
        List<String> serviceArguments = new ArrayList<>();
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) {
                case "--smoke" -> {}
                case "--keep-data" -> keepData = true;
                case "--raw-records" -> rawRecords = positive(arg, value);
                case "--ingest-records" -> ingestRecords = positive(arg, value);
                case "--ingest-timeout" -> ingestTimeout = positive(arg, value);
                case "--freshness-rate" -> freshnessRate = positive(arg, value);
                case "--freshness-seconds" -> freshnessSeconds = positive(arg, value);
                case "--read-threads" -> readThreads = positive(arg, value);
                case "--read-seconds" -> readSeconds = positive(arg, value);
                case "--rebuild-events" -> rebuildEvents = positive(arg, value);
                case "--rebuild-timeout" -> rebuildTimeout = positive(arg, value);
                case "--service-arg" -> serviceArguments.add(value);
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return new Options(
                smoke,
                rawRecords,
                ingestRecords,
                Duration.ofSeconds(ingestTimeout),
                freshnessRate,
                Duration.ofSeconds(freshnessSeconds),
                readThreads,
                Duration.ofSeconds(readSeconds),
                rebuildEvents,
                Duration.ofSeconds(rebuildTimeout),
                keepData,
                List.copyOf(serviceArguments));
    }

    private static int positive(String arg, String value) {
        try {
            int number = Integer.parseInt(value.replace("_", ""));
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(arg + " needs a positive whole number\n" + USAGE);
    }

    String mode() {
        return smoke ? "smoke" : "full";
    }
}
