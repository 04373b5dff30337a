package app.domus.shared.http;

import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * What the HTTP pipeline answers when an AWS call failed after the SDK's own retries and nothing in the handler dealt
 * with it: a dependency that is throttling, erroring or out of reach is a {@code 503} with {@code Retry-After} (the
 * client tries again, with its {@code Idempotency-Key}); a write that lost a race on a condition is a {@code 409}; any
 * other refusal by AWS a {@code 503} without a hint to retry. The problem's detail names no exception: it carries no
 * table, key or message from AWS.
 */
public final class DependencyFailures {
    /** How long a client waits before retrying a throttled or failing dependency. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private DependencyFailures() {}

    /** The problem for {@code failure} when it is (or was caused by) an AWS SDK failure. */
    public static Optional<ApiException> problem(Throwable failure) {
        SdkException sdk = sdkCause(failure);
        if (sdk == null) return Optional.empty();
        if (sdk instanceof ConditionalCheckFailedException
                || sdk instanceof TransactionCanceledException cancelled && hasReason(cancelled, "ConditionalCheckFailed")) {
            return Optional.of(ApiException.conflict("The data changed while the request was being carried out; read it again and retry"));
        }
        if (retryable(sdk)) {
            return Optional.of(ApiException.tooManyRequests(ProblemType.UNAVAILABLE,
                    "A service the platform depends on is busy or unavailable; retry after " + RETRY_AFTER.toSeconds() + " s", RETRY_AFTER));
        }
        return Optional.of(new ApiException(ProblemType.UNAVAILABLE, "A service the platform depends on refused the request"));
    }

    /** Throttling, a 5xx, a transaction that met a concurrent one, a timeout or a connection that failed: worth retrying. */
    static boolean retryable(SdkException sdk) {
        if (sdk instanceof TransactionCanceledException cancelled) {
            return hasReason(cancelled, "TransactionConflict") || hasReason(cancelled, "ThrottlingError");
        }
        if (sdk instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return sdk instanceof SdkClientException;
    }

    private static boolean hasReason(TransactionCanceledException cancelled, String code) {
        if (!cancelled.hasCancellationReasons()) return false;
        for (CancellationReason reason : cancelled.cancellationReasons()) {
            if (code.equals(reason.code())) return true;
        }
        return false;
    }

    private static SdkException sdkCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SdkException sdk) return sdk;
            if (cause.getCause() == cause) break;
        }
        return null;
    }
}
