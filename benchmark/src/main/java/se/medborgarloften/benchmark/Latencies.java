package se.medborgarloften.benchmark;

import java.time.Duration;
import java.util.Arrays;

/** Latency samples in nanoseconds, with nearest-rank percentiles: p99 of 100 samples is the 99th smallest. */
final class Latencies {

    private long[] samples = new long[1024];
    private int size;

    static Latencies of(long... nanos) {
        Latencies latencies = new Latencies();
        for (long sample : nanos) {
            latencies.add(sample);
        }
        return latencies;
    }

    synchronized void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.samples[i]);
        }
    }

    synchronized int count() {
        return size;
    }

    /** The nearest-rank percentile, {@code 0 < percentile <= 100}; zero when there are no samples. */
    synchronized Duration percentile(double percentile) {
        if (size == 0) {
            return Duration.ZERO;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * size);
        return Duration.ofNanos(sorted[Math.max(0, Math.min(size, rank) - 1)]);
    }

    Duration p50() {
        return percentile(50);
    }

    Duration p99() {
        return percentile(99);
    }

    Duration max() {
        return percentile(100);
    }

    /** "p50 3.1 ms, p99 12 ms, max 40 ms" */
    String summary() {
        return "p50 " + Report.millis(p50()) + ", p99 " + Report.millis(p99()) + ", max " + Report.millis(max());
    }
}
