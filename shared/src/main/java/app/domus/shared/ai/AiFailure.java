package app.domus.shared.ai;

import java.net.SocketTimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * An AI call that did not give an answer, sorted by what the gateway does about it: {@code TRANSIENT} and
 * {@code THROTTLED} are retried on the same provider (throttling after a longer pause) and then failed over;
 * {@code UNAVAILABLE} fails over at once (and counts against the provider's circuit breaker); {@code INVALID_INPUT} and
 * {@code CONTENT_REFUSED} end the run: another model would not make the input valid, and a refusal is not to be worked
 * around.
 */
public class AiFailure extends RuntimeException {
    public enum Category { TRANSIENT, THROTTLED, UNAVAILABLE, INVALID_INPUT, CONTENT_REFUSED }

    private final Category category;

    public AiFailure(Category category, String message, Throwable cause) {
        super(message, cause);
        this.category = category;
    }

    public AiFailure(Category category, String message) {
        this(category, message, null);
    }

    public Category category() {
        return category;
    }

    /** Whether the gateway tries the same provider again. */
    boolean retryable() {
        return category == Category.TRANSIENT || category == Category.THROTTLED;
    }

    /** Whether the gateway may go on to the next provider. */
    boolean failsOver() {
        return category == Category.TRANSIENT || category == Category.THROTTLED || category == Category.UNAVAILABLE;
    }

    /** What an exception from a provider's SDK means, by its status and error code. */
    public static AiFailure categorise(Throwable e) {
        if (e instanceof AiFailure failure) return failure;
        if (e instanceof AwsServiceException aws) {
            String code = aws.awsErrorDetails() == null ? "" : String.valueOf(aws.awsErrorDetails().errorCode());
            int status = aws.statusCode();
            if (status == 429 || code.contains("Throttling") || code.contains("TooManyRequests")) {
                return new AiFailure(Category.THROTTLED, code + " " + status, e);
            }
            if (code.contains("ModelNotReady") || code.contains("ServiceUnavailable") || code.contains("ModelTimeout") || status == 503 || status == 424) {
                return new AiFailure(Category.UNAVAILABLE, code + " " + status, e);
            }
            if (code.contains("AccessDenied") || code.contains("ResourceNotFound") || status == 403 || status == 404) {
                return new AiFailure(Category.UNAVAILABLE, code + " " + status, e); // this provider cannot serve us: the next may
            }
            if (status >= 500) return new AiFailure(Category.TRANSIENT, code + " " + status, e);
            return new AiFailure(Category.INVALID_INPUT, code + " " + status, e);
        }
        if (e instanceof SdkClientException || e instanceof SocketTimeoutException || e.getCause() instanceof SocketTimeoutException) {
            return new AiFailure(Category.TRANSIENT, e.getClass().getSimpleName(), e);
        }
        if (e instanceof IllegalArgumentException) return new AiFailure(Category.INVALID_INPUT, e.getMessage(), e);
        return new AiFailure(Category.UNAVAILABLE, e.getClass().getSimpleName(), e);
    }
}
