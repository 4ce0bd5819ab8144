package se.medborgarloften.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Resident memory (VmRSS from /proc) of each process of the stack, by what it runs. */
record Footprint(Map<String, Long> rssBytes) {

    static Footprint ofChildrenOf(ProcessHandle parent) {
        Map<String, Long> rss = new LinkedHashMap<>();
        parent.descendants().forEach(process -> {
            String name = nameOf(process);
            rss.merge(name, rssOf(process.pid()), Long::sum);
        });
        return new Footprint(rss);
    }

    long total() {
        return rssBytes.values().stream().mapToLong(Long::longValue).sum();
    }

    long of(String name) {
        return rssBytes.getOrDefault(name, 0L);
    }

    String breakdown() {
        StringBuilder out = new StringBuilder();
        rssBytes.forEach((name, bytes) ->
                out.append(out.isEmpty() ? "" : ", ").append(name).append(' ').append(Report.mebibytes(bytes)));
        return out.toString();
    }

    private static String nameOf(ProcessHandle process) {
        String line = process.info().commandLine().orElse("");
        if (line.contains("kafka.Kafka")) {
            return "broker";
        }
        if (line.contains("MongoWireServer")) {
            return "store";
        }
        for (String module : new String[] {
            "auth-server", "promise-service", "activity-service", "dialogue-service", "reporting-service"
        }) {
            if (line.contains(module + "-0")) {
                return module.replace("-service", "");
            }
        }
        return "other";
    }

    private static long rssOf(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // the process ended meanwhile, or there is no /proc
        }
        return 0;
    }
}
