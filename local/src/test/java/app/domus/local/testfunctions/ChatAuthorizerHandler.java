package app.domus.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;

/** A REQUEST authorizer: token {@code let-me-in} is allowed (as user-1), anything else denied. */
public class ChatAuthorizerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<?, ?> query = (Map<?, ?>) event.get("queryStringParameters");
        boolean allowed = "let-me-in".equals(query.get("token"));
        return Map.of(
                "principalId", "user-1",
                "policyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Action", "execute-api:Invoke", "Effect", allowed ? "Allow" : "Deny", "Resource", String.valueOf(event.get("methodArn"))))),
                "context", Map.of("userId", "user-1", "role", "tenant"));
    }
}
