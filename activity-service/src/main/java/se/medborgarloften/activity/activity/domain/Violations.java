package se.medborgarloften.activity.activity.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Collects every broken rule of a report, so that one answer can name them all. Fields nest as {@code details.kind}. */
public final class Violations {

    private final List<Violation> found;
    private final String prefix;

    public Violations() {
        this(new ArrayList<>(), "");
    }

    private Violations(List<Violation> found, String prefix) {
        this.found = found;
        this.prefix = prefix;
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }

    /** The same collection, for the fields of a nested object. */
    public Violations at(String field) {
        return new Violations(found, prefix + field + ".");
    }

    public void add(String field, String message) {
        found.add(new Violation(prefix + field, message));
    }

    public void check(boolean holds, String field, String message) {
        if (!holds) {
            add(field, message);
        }
    }

    public boolean required(Object value, String field) {
        check(value != null, field, "is required");
        return value != null;
    }

    /** Optional text: when present, not blank and at most {@code max} characters. */
    public void text(String value, String field, int max) {
        if (value != null) {
            check(!value.isBlank(), field, "must not be blank");
            check(value.length() <= max, field, "must be at most " + max + " characters");
        }
    }

    public void requiredText(String value, String field, int max) {
        if (required(value, field)) {
            text(value, field, max);
        }
    }

    public void count(Integer value, String field) {
        check(value == null || value >= 0, field, "must not be negative");
    }

    public void requiredCount(Integer value, String field) {
        if (required(value, field)) {
            count(value, field);
        }
    }

    public void between(BigDecimal value, String field, BigDecimal min, BigDecimal max) {
        check(
                value == null || (value.compareTo(min) > 0 && value.compareTo(max) <= 0),
                field,
                "must be more than " + min + " and at most " + max);
    }

    /** Each element of a list, at {@code field[i]}. */
    public <T> void each(List<T> values, String field, Consumer<IndexedCheck<T>> rule) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            T value = values.get(i);
            String element = field + "[" + i + "]";
            if (required(value, element)) {
                rule.accept(new IndexedCheck<>(value, at(element)));
            }
        }
    }

    /** One list element and the violations of its fields. */
    public record IndexedCheck<T>(T value, Violations violations) {}
}
