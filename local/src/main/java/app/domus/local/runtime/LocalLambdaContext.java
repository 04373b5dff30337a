package app.domus.local.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The {@link Context} Lambda hands a handler: request id, deadline, identity of the function. */
final class LocalLambdaContext implements Context {
    private final FunctionDefinition function;
    private final String requestId;
    private final Instant deadline;
    private final LambdaLogger logger;

    LocalLambdaContext(FunctionDefinition function, String requestId, Instant deadline) {
        this(function, requestId, deadline, null);
    }

    /** @param invocation keeps the logger's lines with the request, for the console ({@code null}: standard out only) */
    LocalLambdaContext(FunctionDefinition function, String requestId, Instant deadline, Invocation invocation) {
        this.function = function;
        this.requestId = requestId;
        this.deadline = deadline;
        this.logger = new FunctionLogger(function.logicalId(), requestId, invocation);
    }

    @Override public String getAwsRequestId() { return requestId; }
    @Override public String getLogGroupName() { return "/aws/lambda/" + function.logicalId(); }
    @Override public String getLogStreamName() { return "local/[$LATEST]" + function.logicalId(); }
    @Override public String getFunctionName() { return function.logicalId(); }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return function.arn(); }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getMemoryLimitInMB() { return function.memoryMb(); }
    @Override public LambdaLogger getLogger() { return logger; }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadline.toEpochMilli() - System.currentTimeMillis());
    }

    /** Lambda sends a function's log lines to its own log group; locally they go to standard out, tagged. */
    private record FunctionLogger(String functionName, String requestId, Invocation invocation) implements LambdaLogger {
        @Override
        public void log(String message) {
            System.out.println("[" + functionName + " " + requestId + "] " + message.stripTrailing());
            if (invocation != null) invocation.log(Instant.now() + " " + message.stripTrailing());
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
