package se.medborgarloften.reporting.progress.domain;

/** What the activities that count for a commitment in one window add up to: how many, and their results as context. */
public record Tally(long done, long vehiclesChecked, long violations) {

    public static final Tally NONE = new Tally(0, 0, 0);

    public Tally plus(Tally other) {
        return new Tally(done + other.done, vehiclesChecked + other.vehiclesChecked, violations + other.violations);
    }
}
