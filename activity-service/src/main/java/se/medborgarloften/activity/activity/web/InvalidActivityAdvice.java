package se.medborgarloften.activity.activity.web;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.medborgarloften.activity.activity.domain.InvalidActivityException;
import se.medborgarloften.platform.web.ProblemDetailsAdvice;
import se.medborgarloften.platform.web.ProblemDetailsAdvice.FieldProblem;

/**
 * Answers a report that breaks domain rules in the platform's invalid-input format, naming every broken field at
 * once (the platform's {@code InvalidFieldException} names one).
 */
@RestControllerAdvice(assignableTypes = ActivityController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidActivityAdvice {

    @ExceptionHandler(InvalidActivityException.class)
    ProblemDetail invalid(InvalidActivityException ex) {
        List<FieldProblem> errors = ex.violations().stream()
                .map(v -> new FieldProblem(v.field(), v.message()))
                .toList();
        return ProblemDetailsAdvice.invalid("Invalid activity", errors);
    }
}
