package se.medborgarloften.activity.activity.domain;

import java.util.List;
import java.util.stream.Collectors;

/** A report that breaks the rules of its activity type; names every broken rule. */
public class InvalidActivityException extends IllegalArgumentException {

    private final transient List<Violation> violations;

    public InvalidActivityException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
