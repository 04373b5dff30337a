package app.domus.bench.probe;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** A Lambda context as the runtime gives one; the logger writes to stdout like the runtime's. */
public record ProbeContext(String functionName) implements Context {
    @Override public String getAwsRequestId() { return "bench-cold-start"; }
    @Override public String getLogGroupName() { return "/aws/lambda/" + functionName; }
    @Override public String getLogStreamName() { return "bench"; }
    @Override public String getFunctionName() { return env("AWS_LAMBDA_FUNCTION_NAME", functionName); }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:" + getFunctionName(); }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return 15_000; }
    @Override public int getMemoryLimitInMB() { return Integer.parseInt(env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024")); }
    @Override public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override public void log(String message) { System.out.print(message); }
            @Override public void log(byte[] message) { System.out.write(message, 0, message.length); }
        };
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
