package app.domus.shared.snapstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/** The Lambda context of a priming invocation, before the snapshot: no request, the function's own names. */
final class PrimingContext implements Context {
    private static final String NAME = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "priming");

    @Override public String getAwsRequestId() { return "priming"; }
    @Override public String getLogGroupName() { return System.getenv().getOrDefault("AWS_LAMBDA_LOG_GROUP_NAME", "priming"); }
    @Override public String getLogStreamName() { return "priming"; }
    @Override public String getFunctionName() { return NAME; }
    @Override public String getFunctionVersion() { return System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"); }
    @Override public String getInvokedFunctionArn() { return "priming"; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return 10_000; }
    @Override public int getMemoryLimitInMB() { return Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024")); }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override public void log(String message) { System.out.println(message); }
            @Override public void log(byte[] message) { System.out.println(new String(message, StandardCharsets.UTF_8)); }
        };
    }

    static final Context INSTANCE = new PrimingContext();

    static Context get() {
        return INSTANCE;
    }
}
