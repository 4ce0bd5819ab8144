package se.medborgarloften.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import se.medborgarloften.benchmark.Report.Row;
import se.medborgarloften.benchmark.Report.Verdict;

/**
 * {@code bin/benchmark}: starts the local stack, measures each line against its baseline from the same run, checks
 * that nothing was lost or counted twice, and prints the table. The phases run one after another on an otherwise idle
 * stack, so each is measured alone: raw Kafka, ingest, freshness, public reads, footprint, then the rebuild, last
 * because it restarts reporting-service.
 */
public final class Benchmark {

    static final double INGEST_GOAL = 5_000;
    static final Duration FRESHNESS_GOAL = Duration.ofMillis(200);
    static final double REBUILD_GOAL = 0.25;
    static final double READS_GOAL = 0.50;
    static final Duration READS_P99_GOAL = Duration.ofMillis(20);
    static final Duration STARTUP_GOAL = Duration.ofSeconds(60);
    static final long RSS_GOAL = 2L * 1024 * 1024 * 1024;

    private Benchmark() {}

    public static void main(String[] args) {
        if (java.util.List.of(args).contains("--help")) {
            System.out.print(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path root = Path.of("").toAbsolutePath();
        Report report = new Report();
        Instant began = Instant.now();
        report.header("Medborgarlöften benchmark (" + options.mode() + ")  " + began.truncatedTo(ChronoUnit.SECONDS));
        report.header("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), commit "
                + commit(root));

        step("starting the stack: broker, store, four services, the signed Hässleholm 2021 agreement");
        try (Stack stack = new Stack(root, options)) {
            step("stack healthy after " + Report.seconds(stack.servicesHealthy) + "; logs in " + stack.logs());
            run(stack, options, report);
            step("done in " + Report.seconds(Duration.between(began, Instant.now())) + "; stopping the stack");
        }
        System.out.println();
        System.out.print(report.render());
    }

    private static void run(Stack stack, Options options, Report report) {
        Kafka kafka = new Kafka(stack.bootstrapServers());
        PoliceRecords police = new PoliceRecords(UUID.randomUUID().toString().substring(0, 8));

        step("1 raw Kafka: " + options.rawRecords() + " records of " + RawKafka.RECORD_BYTES + " bytes");
        RawKafka.Figures raw =
                new RawKafka(kafka).measure(options.rawRecords(), options.freshnessRate(), Duration.ofSeconds(5));
        report.add(new Row(
                "1",
                "raw Kafka, " + RawKafka.RECORD_BYTES + " B records",
                "produce " + Report.rate(raw.producerRate()) + ", consume " + Report.rate(raw.consumerRate()),
                "-",
                "-",
                "(baseline)",
                Verdict.BASE));
        report.add(new Row(
                "1b",
                "raw Kafka latency at " + options.freshnessRate() + "/s",
                raw.latency().summary(),
                "-",
                "-",
                "(baseline)",
                Verdict.BASE));

        guarded(
                report,
                "2",
                "ingest police->activity->reporting",
                () -> ingest(stack, kafka, police, raw, options, report));
        guarded(report, "3", "freshness", () -> freshness(stack, kafka, police, raw, options, report));
        guarded(report, "5", "public reads", () -> reads(stack, options, report));
        footprint(stack, report);
        guarded(report, "4", "rebuild from offset 0", () -> rebuild(stack, kafka, police, options, report));
        report.note("The machine's other load counts: run it on an otherwise idle machine for figures to compare.");
    }

    private static void ingest(
            Stack stack, Kafka kafka, PoliceRecords police, RawKafka.Figures raw, Options options, Report report) {
        step("2 ingest: " + options.ingestRecords() + " police records end to end");
        Ingest.Figures ingest =
                new Ingest(stack, kafka, police).measure(options.ingestRecords(), options.ingestTimeout());
        report.add(new Row(
                "2",
                "ingest police->activity->reporting",
                Report.rate(ingest.rate())
                        + (ingest.complete()
                                ? ", lost " + ingest.lost() + ", dup " + ingest.duplicates()
                                : " (" + ingest.counted() + " of " + ingest.sent() + " counted in time), dup "
                                        + ingest.duplicates()),
                "raw produce " + Report.rate(raw.producerRate()),
                Report.percent(Report.ratio(ingest.rate(), raw.producerRate())),
                ">= 5,000/s, 0 lost, 0 dup",
                Report.verdict(ingest.rate() >= INGEST_GOAL && ingest.correct())));
        report.note(String.format(
                Locale.ROOT,
                "ingest: %d sent; reporting counted %d, activity-service holds %d, %d activities have %d events on %s, in %s%s",
                ingest.sent(),
                ingest.counted(),
                ingest.activities(),
                ingest.distinctEvents(),
                ingest.eventRecords(),
                "activity.events.v1",
                Report.seconds(ingest.elapsed()),
                ingest.complete() ? "" : " (timed out; later phases may still see its backlog)"));
    }

    private static void freshness(
            Stack stack, Kafka kafka, PoliceRecords police, RawKafka.Figures raw, Options options, Report report) {
        step("3 freshness: " + options.freshnessRate() + " records/s for "
                + options.freshnessDuration().toSeconds() + " s");
        awaitQuiet(stack);
        Freshness.Figures fresh =
                new Freshness(stack, kafka, police).measure(options.freshnessRate(), options.freshnessDuration());
        freshnessRow(report, "3", "freshness over HTTP", fresh.http(), fresh.missingHttp(), raw.latency());
        freshnessRow(report, "3b", "freshness on compacted topic", fresh.topic(), fresh.missingTopic(), raw.latency());
    }

    private static void reads(Stack stack, Options options, Report report) {

        step("5 public reads: " + options.readThreads() + " readers, "
                + options.readDuration().toSeconds() + " s each");
        PublicReads.Figures reads = new PublicReads(stack).measure(options.readThreads(), options.readDuration());
        double readRatio = Report.ratio(reads.progress().rate(), reads.trivial().rate());
        report.add(new Row(
                "5",
                "public reads GET /api/progress",
                Report.rate(reads.progress().rate()) + ", p99 "
                        + Report.millis(reads.progress().latency().p99())
                        + errors(reads.progress().errors()),
                PublicReads.TRIVIAL + " " + Report.rate(reads.trivial().rate()) + ", p99 "
                        + Report.millis(reads.trivial().latency().p99())
                        + errors(reads.trivial().errors()),
                Report.percent(readRatio),
                ">= 50%, p99 <= 20 ms",
                Report.verdict(readRatio >= READS_GOAL
                        && reads.progress().latency().p99().compareTo(READS_P99_GOAL) <= 0
                        && reads.progress().errors() == 0)));
    }

    private static void footprint(Stack stack, Report report) {
        step("6 footprint");
        Footprint footprint = stack.footprint();
        report.add(new Row(
                "6",
                "start: run to all services healthy",
                Report.seconds(stack.servicesHealthy) + " (agreement shown " + Report.seconds(stack.agreementVisible)
                        + ")",
                "broker ready " + Report.seconds(stack.brokerReady),
                Report.times(Report.ratio(stack.servicesHealthy.toMillis(), stack.brokerReady.toMillis())),
                "<= 60 s",
                Report.verdict(stack.servicesHealthy.compareTo(STARTUP_GOAL) <= 0)));
        report.add(new Row(
                "6b",
                "resident memory of the stack",
                Report.mebibytes(footprint.total()),
                "broker alone " + Report.mebibytes(footprint.of("broker")),
                Report.times(Report.ratio(footprint.total(), footprint.of("broker"))),
                "<= 2,048 MiB",
                Report.verdict(footprint.total() <= RSS_GOAL)));
        report.note("footprint after the load phases: " + footprint.breakdown());
    }

    private static void rebuild(Stack stack, Kafka kafka, PoliceRecords police, Options options, Report report) {
        step("4 rebuild: " + options.rebuildEvents() + " historical activity events, then POST /actuator/rebuild");
        Rebuild.Figures rebuild =
                new Rebuild(stack, kafka, police).measure(options.rebuildEvents(), options.rebuildTimeout());
        double rebuildRatio = Report.ratio(rebuild.rate(), rebuild.rawConsumerRate());
        report.add(new Row(
                "4",
                "rebuild from offset 0",
                Report.rate(rebuild.rate())
                        + (rebuild.complete() ? " in " + Report.seconds(rebuild.elapsed()) : " (incomplete)"),
                "raw consume " + Report.rate(rebuild.rawConsumerRate()),
                Report.percent(rebuildRatio),
                ">= 25%",
                Report.verdict(rebuildRatio >= REBUILD_GOAL && rebuild.correct())));
        report.note(String.format(
                Locale.ROOT,
                "rebuild: %,d historical events + the run's own, %,d records on the activity topic; %,d records replayed"
                        + " (every source topic, once per read model) in %s; 2021 done %s, expected %,d%s",
                rebuild.history(),
                rebuild.topicRecords(),
                rebuild.replayed(),
                Report.seconds(rebuild.elapsed()),
                rebuild.doneAfter() < 0 ? "not read" : String.format(Locale.ROOT, "%,d", rebuild.doneAfter()),
                rebuild.expectedDone(),
                rebuild.failure().isEmpty() ? "" : "; " + rebuild.failure()));
    }

    /** A phase that fails is a MISS with its reason; the phases after it still run. */
    private static void guarded(Report report, String number, String measure, Runnable phase) {
        try {
            phase.run();
        } catch (RuntimeException e) {
            step("phase " + number + " failed: " + e);
            report.add(new Row(
                    number,
                    measure,
                    "failed: " + abbreviate(String.valueOf(e.getMessage())),
                    "-",
                    "-",
                    "-",
                    Verdict.MISS));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    private static void freshnessRow(
            Report report, String number, String measure, Latencies latency, long missing, Latencies raw) {
        report.add(new Row(
                number,
                measure,
                latency.count() == 0
                        ? "none of " + missing + " seen in time"
                        : latency.summary() + (missing == 0 ? "" : ", " + missing + " never seen"),
                "raw Kafka p99 " + Report.millis(raw.p99()),
                Report.times(Report.ratio(latency.p99().toNanos(), raw.p99().toNanos())),
                "p99 <= 200 ms",
                Report.verdict(missing == 0 && latency.p99().compareTo(FRESHNESS_GOAL) <= 0)));
    }

    /** Waits until the progress stops moving, so the freshness phase is not measured behind ingest's backlog. */
    private static void awaitQuiet(Stack stack) {
        long[] last = {-1};
        Waiting.within(Duration.ofSeconds(120), Duration.ofSeconds(2), () -> {
            long now = ProgressPage.trafficControlsDone(stack.reporting().get(Stack.PROGRESS));
            boolean quiet = now == last[0];
            last[0] = now;
            return quiet;
        });
    }

    private static String errors(long errors) {
        return errors == 0 ? "" : ", " + errors + " errors";
    }

    private static void step(String what) {
        System.out.println("[benchmark " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + what);
    }

    private static String commit(Path root) {
        String head = git(root, "rev-parse", "--short", "HEAD");
        String changes = git(root, "status", "--porcelain", "--untracked-files=no");
        return head.isEmpty() ? "unknown" : head + (changes.isEmpty() ? "" : " (working tree modified)");
    }

    private static String git(Path root, String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "git";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        try {
            Process git = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
