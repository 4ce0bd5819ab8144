package se.medborgarloften.platform.web;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one error format of every service: RFC 9457 problem details, with an {@code errors} list that names each
 * invalid field. Domain rules speak plain Java: a missing thing is {@link NoSuchElementException} (404), a step that
 * the current state does not allow is {@link IllegalStateException} (409), a value the domain refuses is
 * {@link IllegalArgumentException} (400).
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    static final URI INVALID_INPUT = URI.create("https://medborgarloften.se/problems/invalid-input");
    static final URI STORE_UNAVAILABLE = URI.create("https://medborgarloften.se/problems/store-unavailable");
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), messageOf(error)))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return ResponseEntity.badRequest().body(invalid("Invalid request body", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalid("Invalid request parameters", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(ProblemResponses.tooLarge(tooLarge.maxBytes()));
            }
        }
        return ResponseEntity.badRequest().body(invalid("Unreadable request body", List.of(fieldProblemOf(ex))));
    }

    /** Names the header, so that a client sees what to change; Spring's answer keeps its Accept header. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ex.getBody()
                .setProperty(
                        "errors",
                        List.of(new FieldProblem(
                                HttpHeaders.CONTENT_TYPE, "must be one of " + ex.getSupportedMediaTypes())));
        return super.handleHttpMediaTypeNotSupported(ex, headers, status, request);
    }

    /** A body without a Content-Length that grew past the limit while a controller read it ({@link RequestSizeLimitFilter}). */
    @ExceptionHandler(RequestTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestTooLargeException ex) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ProblemResponses.tooLarge(ex.maxBytes()));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name =
                ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        return ResponseEntity.badRequest()
                .body(invalid(
                        "Invalid request parameters", List.of(new FieldProblem(name, "has the wrong type or format"))));
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException ex) {
        return invalid("Invalid request", List.of(new FieldProblem(ex.field(), ex.getMessage())));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail refused(IllegalArgumentException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler({IllegalStateException.class, DuplicateKeyException.class})
    ProblemDetail conflict(RuntimeException ex) {
        String detail = ex instanceof DuplicateKeyException ? "It exists already" : ex.getMessage();
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail stale(OptimisticLockingFailureException ex) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.PRECONDITION_FAILED, "Changed by someone else meanwhile: fetch it again and retry");
    }

    /**
     * The store cannot be reached (stopped, restarting, no server selected in time): nothing was written, so the
     * client may simply retry. 503 with Retry-After, not 500.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, MongoTimeoutException.class, MongoSocketException.class
    })
    ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The data store is unavailable right now; nothing was saved. Retry shortly.");
        problem.setType(STORE_UNAVAILABLE);
        problem.setTitle("Store unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The invalid-input problem naming each field: for a service's own translation of a domain rule's refusal. */
    public static ProblemDetail invalid(String title, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(INVALID_INPUT);
        problem.setTitle(title);
        problem.setDetail(errors.stream()
                .map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse(title));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Names the field from the outermost mapping error; deeper causes (a date that would not parse) have no path. */
    private static FieldProblem fieldProblemOf(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return new FieldProblem(pathOf(unknown), "unknown field");
            }
            if (cause instanceof RefusedInputException refused) {
                return new FieldProblem(pathOf(refused), refused.getOriginalMessage());
            }
            if (cause instanceof DatabindException databind
                    && !databind.getPath().isEmpty()) {
                return new FieldProblem(pathOf(databind), "has the wrong type or format");
            }
        }
        return new FieldProblem("body", "is not valid JSON");
    }

    private static String pathOf(DatabindException ex) {
        StringBuilder path = new StringBuilder();
        ex.getPath().forEach(reference -> {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        });
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    /** One invalid field and what is wrong with it. */
    public record FieldProblem(String field, String message) {}
}
