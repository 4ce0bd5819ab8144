package se.medborgarloften.platform.messaging.background;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One background thread doing rounds of work that waits in the store: a round runs at once when {@link #wake()} is
 * called and at least every {@code tick} (for work a crash or another instance left behind). After a failed round it
 * waits before the next, from {@code minBackoff} doubling to {@code maxBackoff}, so a store or broker that is away is
 * not asked on every write; nothing is lost meanwhile, the work stays where it was written. The outbox relay and the
 * situation picture's refresher are such workers.
 */
public final class WakeableWorker {

    /** One round of work; interrupted when the worker stops. */
    @FunctionalInterface
    public interface Round {
        void run() throws InterruptedException;
    }

    private final String name;
    private final Round round;
    private final Duration tick;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final Duration stopTimeout;
    private final BiConsumer<RuntimeException, Duration> onFailure;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Thread worker;

    /**
     * @param onFailure told of each failed round and how long the worker waits before the next
     * @param stopTimeout how long {@link #stop()} waits for a round in progress
     */
    public WakeableWorker(
            String name,
            Round round,
            Duration tick,
            Duration minBackoff,
            Duration maxBackoff,
            Duration stopTimeout,
            BiConsumer<RuntimeException, Duration> onFailure) {
        this.name = name;
        this.round = round;
        this.tick = tick;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.stopTimeout = stopTimeout;
        this.onFailure = onFailure;
    }

    /** Asks for a round now rather than at the next tick; wakes a waiting worker once however often it is called. */
    public void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    public void start() {
        Thread thread = new Thread(this::run, name);
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    public void stop() {
        Thread running = worker;
        worker = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(stopTimeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return worker != null;
    }

    private void run() {
        Duration backoff = minBackoff;
        while (worker != null) {
            try {
                round.run();
                backoff = minBackoff;
                wakeUp.tryAcquire(tick.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                onFailure.accept(e, backoff);
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
            }
        }
    }
}
