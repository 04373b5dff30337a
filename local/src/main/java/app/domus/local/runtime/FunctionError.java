package app.domus.local.runtime;

/**
 * A failed invocation, as Lambda reports it to the caller: an error type and message. Callers treat it the way the
 * AWS service in front of the function does (a 502 from API Gateway, a redelivery from SQS, ...).
 */
public final class FunctionError extends Exception {
    private final String errorType;

    public FunctionError(String errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
    }

    public String errorType() {
        return errorType;
    }
}
