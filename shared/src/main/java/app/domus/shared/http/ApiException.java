package app.domus.shared.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A failure the caller should hear about, as an RFC 9457 problem. Its {@code detail} is written for the
 * caller; nothing from an underlying exception is ever copied into it.
 */
public class ApiException extends RuntimeException {
    /** The members every problem document has; an extension must not reuse their names. */
    private static final java.util.Set<String> RESERVED_MEMBERS =
            java.util.Set.of("type", "title", "status", "detail", "instance", "correlationId", "errors");

    private final ProblemType type;
    private final String detail;
    private final List<FieldError> errors;
    private final Duration retryAfter;
    private final Map<String, Object> extensions;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of(), null, Map.of());
    }

    public ApiException(ProblemType type, String detail, List<FieldError> errors, Duration retryAfter,
                        Map<String, Object> extensions) {
        super(type.name() + ": " + detail, null, false, false);
        for (String member : RESERVED_MEMBERS) {
            if (extensions.containsKey(member)) throw new IllegalArgumentException("Problem extension '" + member + "' would hide a standard member");
        }
        this.type = type;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
        this.extensions = Map.copyOf(extensions);
    }

    public static ApiException validation(List<FieldError> errors) {
        return new ApiException(ProblemType.VALIDATION, "One or more fields are not valid", errors, null, Map.of());
    }

    public static ApiException validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    public static ApiException notFound(String what) {
        return new ApiException(ProblemType.NOT_FOUND, what + " was not found");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail);
    }

    public static ApiException tooManyRequests(ProblemType type, String detail, Duration retryAfter) {
        return new ApiException(type, detail, List.of(), retryAfter, Map.of());
    }

    public ProblemType type() { return type; }
    public String detail() { return detail; }
    public List<FieldError> errors() { return errors; }
    public Duration retryAfter() { return retryAfter; }
    public Map<String, Object> extensions() { return extensions; }
}
