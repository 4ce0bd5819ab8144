package se.medborgarloften.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import se.medborgarloften.benchmark.Report.Row;
import se.medborgarloften.benchmark.Report.Verdict;

class ReportTest {

    @Test
    void percentilesAreNearestRank() {
        Latencies latencies = new Latencies();
        for (long ms = 100; ms >= 1; ms--) {
            latencies.add(Duration.ofMillis(ms).toNanos());
        }

        assertThat(latencies.p50()).isEqualTo(Duration.ofMillis(50));
        assertThat(latencies.p99()).isEqualTo(Duration.ofMillis(99));
        assertThat(latencies.max()).isEqualTo(Duration.ofMillis(100));
        assertThat(Latencies.of(7).p99()).isEqualTo(Duration.ofNanos(7));
        assertThat(new Latencies().p99()).isEqualTo(Duration.ZERO);
    }

    @Test
    void aTableHasOneAlignedLinePerFigureWithItsVerdict() {
        Report report = new Report();
        report.header("machine: 2 cores");
        report.add(new Row(
                "2",
                "ingest",
                Report.rate(4321.4),
                "raw produce 100,000/s",
                Report.percent(0.0432),
                ">= 5,000/s",
                Report.verdict(false)));
        report.add(new Row("5", "public reads", "900/s", "1,000/s", Report.percent(0.9), ">= 50%", Verdict.PASS));
        report.note("a note");

        String[] lines = report.render().split("\n");

        assertThat(lines[0]).isEqualTo("machine: 2 cores");
        assertThat(lines[2]).startsWith("| # | measure ");
        assertThat(lines[4]).contains("| 4,321/s ").contains("| 4.3% ").endsWith("| MISS    |");
        assertThat(lines[5]).endsWith("| PASS    |");
        assertThat(lines[4]).hasSameSizeAs(lines[5]).hasSameSizeAs(lines[2]);
        assertThat(lines[lines.length - 1]).isEqualTo("a note");
    }
}
