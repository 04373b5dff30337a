package app.domus.shared.ai;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.ai.AiFailure.Category;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** What the gateway makes of a provider's exception: retry, fail over, or end the run. */
class AiFailureTest {
    private static AwsServiceException aws(int status, String code) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(code == null ? null : AwsErrorDetails.builder().errorCode(code).build()).build();
    }

    private static Category category(Throwable e) {
        return AiFailure.categorise(e).category();
    }

    @Test
    void serviceErrorsAreSortedByStatusAndCode() {
        assertThat(category(aws(429, "Whatever"))).isEqualTo(Category.THROTTLED);
        assertThat(category(aws(400, "ThrottlingException"))).isEqualTo(Category.THROTTLED);
        assertThat(category(aws(400, "TooManyRequestsException"))).isEqualTo(Category.THROTTLED);
        assertThat(category(aws(400, "ModelNotReadyException"))).isEqualTo(Category.UNAVAILABLE);
        assertThat(category(aws(400, "ServiceUnavailableException"))).isEqualTo(Category.UNAVAILABLE);
        assertThat(category(aws(400, "ModelTimeoutException"))).isEqualTo(Category.UNAVAILABLE);
        assertThat(category(aws(503, "X"))).isEqualTo(Category.UNAVAILABLE);
        assertThat(category(aws(424, "X"))).isEqualTo(Category.UNAVAILABLE);
        assertThat(category(aws(400, "AccessDeniedException"))).isEqualTo(Category.UNAVAILABLE);
        assertThat(category(aws(400, "ResourceNotFoundException"))).isEqualTo(Category.UNAVAILABLE);
        assertThat(category(aws(403, "X"))).isEqualTo(Category.UNAVAILABLE);
        assertThat(category(aws(404, "X"))).isEqualTo(Category.UNAVAILABLE);
        assertThat(category(aws(500, "InternalServerException"))).isEqualTo(Category.TRANSIENT);
        assertThat(category(aws(502, null))).isEqualTo(Category.TRANSIENT);
        assertThat(category(aws(499, "ValidationException"))).isEqualTo(Category.INVALID_INPUT);
        assertThat(category(aws(400, null))).isEqualTo(Category.INVALID_INPUT);
        AiFailure failure = AiFailure.categorise(aws(429, "ThrottlingException"));
        assertThat(failure.getMessage()).isEqualTo("ThrottlingException 429");
        assertThat(failure.getCause()).isInstanceOf(AwsServiceException.class);
    }

    @Test
    void clientErrorsTimeoutsAndOthers() {
        assertThat(category(SdkClientException.create("no connection"))).isEqualTo(Category.TRANSIENT);
        assertThat(category(new SocketTimeoutException("read"))).isEqualTo(Category.TRANSIENT);
        assertThat(category(new java.io.UncheckedIOException(new SocketTimeoutException("read")))).isEqualTo(Category.TRANSIENT);
        assertThat(category(new IllegalArgumentException("too long"))).isEqualTo(Category.INVALID_INPUT);
        assertThat(AiFailure.categorise(new IllegalArgumentException("too long")).getMessage()).isEqualTo("too long");
        assertThat(category(new IllegalStateException("odd"))).isEqualTo(Category.UNAVAILABLE);
        assertThat(AiFailure.categorise(new IllegalStateException("odd")).getMessage()).isEqualTo("IllegalStateException");
        assertThat(AiFailure.categorise(SdkClientException.create("x")).getMessage()).isEqualTo("SdkClientException");
        AiFailure own = new AiFailure(Category.CONTENT_REFUSED, "refused");
        assertThat(AiFailure.categorise(own)).isSameAs(own);
    }

    @Test
    void onlyTransientAndThrottledAreRetriedAndOnlyThoseAndUnavailableFailOver() {
        for (Category c : Category.values()) {
            AiFailure f = new AiFailure(c, "x");
            assertThat(f.retryable()).as(c + " retried").isEqualTo(c == Category.TRANSIENT || c == Category.THROTTLED);
            assertThat(f.failsOver()).as(c + " fails over").isEqualTo(c != Category.INVALID_INPUT && c != Category.CONTENT_REFUSED);
            assertThat(f.category()).isEqualTo(c);
        }
    }
}
