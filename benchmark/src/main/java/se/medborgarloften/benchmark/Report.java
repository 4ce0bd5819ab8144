package se.medborgarloften.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table the benchmark prints: each figure beside its baseline from the same run, the ratio, the goal, a verdict. */
final class Report {

    enum Verdict {
        PASS,
        MISS,
        /** A baseline: measured for the others to be judged against, not judged itself. */
        BASE
    }

    record Row(
            String number,
            String measure,
            String figure,
            String baseline,
            String ratio,
            String goal,
            Verdict verdict) {}

    private static final String[] HEADINGS = {
        "#", "measure", "figure", "baseline (same run)", "ratio", "goal", "verdict"
    };

    private final List<String> header = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void header(String line) {
        header.add(line);
    }

    void add(Row row) {
        rows.add(row);
    }

    void note(String line) {
        notes.add(line);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    String render() {
        int[] widths = new int[HEADINGS.length];
        for (int i = 0; i < HEADINGS.length; i++) {
            widths[i] = HEADINGS[i].length();
        }
        for (Row row : rows) {
            String[] cells = cells(row);
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append(line).append('\n'));
        out.append('\n');
        line(out, HEADINGS, widths);
        String[] rule = new String[widths.length];
        for (int i = 0; i < widths.length; i++) {
            rule[i] = "-".repeat(widths[i]);
        }
        line(out, rule, widths);
        rows.stream().sorted(java.util.Comparator.comparing(Row::number)).forEach(row -> line(out, cells(row), widths));
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(note -> out.append(note).append('\n'));
        }
        return out.toString();
    }

    private static String[] cells(Row row) {
        return new String[] {
            row.number(),
            row.measure(),
            row.figure(),
            row.baseline(),
            row.ratio(),
            row.goal(),
            row.verdict().name()
        };
    }

    private static void line(StringBuilder out, String[] cells, int[] widths) {
        out.append("|");
        for (int i = 0; i < cells.length; i++) {
            out.append(' ').append(pad(cells[i], widths[i])).append(" |");
        }
        out.append('\n');
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    static Verdict verdict(boolean met) {
        return met ? Verdict.PASS : Verdict.MISS;
    }

    /** 12,345/s */
    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }

    /** 0.42 as "42%" */
    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    /** "x2.5" */
    static String times(double ratio) {
        return String.format(Locale.ROOT, "x%.2f", ratio);
    }

    static String millis(Duration duration) {
        double ms = duration.toNanos() / 1_000_000.0;
        return String.format(Locale.ROOT, ms < 10 ? "%.1f ms" : "%.0f ms", ms);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", bytes / (1024 * 1024));
    }

    static double ratio(double figure, double baseline) {
        return baseline == 0 ? 0 : figure / baseline;
    }
}
