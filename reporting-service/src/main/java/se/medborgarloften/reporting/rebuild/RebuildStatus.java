package se.medborgarloften.reporting.rebuild;

import java.time.Instant;

/** How far a rebuild of the read models has come. */
public record RebuildStatus(
        State state, Instant startedAt, Instant finishedAt, String topic, long applied, long skipped, String failure) {

    public enum State {
        IDLE,
        RUNNING,
        DONE,
        FAILED
    }

    static final RebuildStatus IDLE = new RebuildStatus(State.IDLE, null, null, null, 0, 0, null);

    static RebuildStatus started(Instant now) {
        return new RebuildStatus(State.RUNNING, now, null, null, 0, 0, null);
    }

    RebuildStatus reading(String sourceTopic) {
        return new RebuildStatus(state, startedAt, null, sourceTopic, applied, skipped, null);
    }

    RebuildStatus progressed(long appliedNow, long skippedNow) {
        return new RebuildStatus(state, startedAt, null, topic, applied + appliedNow, skipped + skippedNow, null);
    }

    RebuildStatus done(Instant now) {
        return new RebuildStatus(State.DONE, startedAt, now, null, applied, skipped, null);
    }

    RebuildStatus failed(Instant now, String reason) {
        return new RebuildStatus(State.FAILED, startedAt, now, topic, applied, skipped, reason);
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
