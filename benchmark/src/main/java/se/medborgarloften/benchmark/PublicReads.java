package se.medborgarloften.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a burst of readers sees, as when a local news site links to the public page: {@code threads} clients each
 * sending the next GET as soon as the last is answered, for {@code duration} after a warm-up, against the progress
 * endpoint and against a trivial endpoint of the same service (the dashboard's static favicon) in the same run.
 */
final class PublicReads {

    static final String TRIVIAL = "/favicon.svg";

    record Run(String path, double rate, Latencies latency, long errors) {}

    record Figures(Run progress, Run trivial) {}

    private final Stack stack;

    PublicReads(Stack stack) {
        this.stack = stack;
    }

    Figures measure(int threads, Duration duration) {
        Duration warmUp = Duration.ofSeconds(Math.max(2, duration.toSeconds() / 3));
        run(TRIVIAL, threads, warmUp);
        Run trivial = run(TRIVIAL, threads, duration);
        run(Stack.PROGRESS, threads, warmUp);
        Run progress = run(Stack.PROGRESS, threads, duration);
        return new Figures(progress, trivial);
    }

    private Run run(String path, int threads, Duration duration) {
        URI uri = stack.reporting().url(path);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong errors = new AtomicLong();
        Latencies latencies = new Latencies();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread reader = new Thread(() -> read(http, uri, running, latencies, errors), "reader-" + i);
            reader.start();
            readers.add(reader);
        }
        long start = System.nanoTime();
        Waiting.sleep(duration);
        running.set(false);
        readers.forEach(Waiting::join);
        double seconds = RawKafka.seconds(System.nanoTime() - start);
        return new Run(path, latencies.count() / seconds, latencies, errors.get());
    }

    private static void read(HttpClient http, URI uri, AtomicBoolean running, Latencies all, AtomicLong errors) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        Latencies mine = new Latencies();
        while (running.get()) {
            long start = System.nanoTime();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200) {
                    mine.add(System.nanoTime() - start);
                } else {
                    errors.incrementAndGet();
                }
            } catch (IOException e) {
                errors.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        all.addAll(mine);
    }
}
