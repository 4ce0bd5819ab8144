package se.medborgarloften.activity.activity.domain;

/** One broken rule of a report: the field, as the reporter named it, and what is wrong with it. */
public record Violation(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
