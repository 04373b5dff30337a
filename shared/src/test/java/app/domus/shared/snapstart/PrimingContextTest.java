package app.domus.shared.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import org.junit.jupiter.api.Test;

/** The context of a priming invocation: no request, the function's own names where Lambda gives them. */
class PrimingContextTest {
    @Test
    void namesThePrimingAndTheFunction() {
        Context context = PrimingContext.get();
        assertThat(context).isSameAs(PrimingContext.INSTANCE);
        assertThat(context.getAwsRequestId()).isEqualTo("priming");
        assertThat(context.getLogStreamName()).isEqualTo("priming");
        assertThat(context.getInvokedFunctionArn()).isEqualTo("priming");
        assertThat(context.getFunctionName()).isEqualTo(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "priming"));
        assertThat(context.getLogGroupName()).isEqualTo(System.getenv().getOrDefault("AWS_LAMBDA_LOG_GROUP_NAME", "priming"));
        assertThat(context.getFunctionVersion()).isEqualTo(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"));
        assertThat(context.getMemoryLimitInMB()).isEqualTo(Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024")));
        assertThat(context.getRemainingTimeInMillis()).isEqualTo(10_000);
        assertThat(context.getIdentity()).isNull();
        assertThat(context.getClientContext()).isNull();
        assertThat(context.getLogger()).isNotNull();
    }
}
