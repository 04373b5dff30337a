package app.domus.local.testfunctions;

import app.domus.local.json.Json;
import app.domus.shared.config.Env;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers with what it was given, so tests can check the event, the authorizer claims and the environment. */
public class EchoHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final String greetingAtColdStart = Env.required("ECHO_GREETING");

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("routeKey", event.getRouteKey());
        echo.put("rawPath", event.getRawPath());
        echo.put("pathParameters", event.getPathParameters());
        echo.put("query", event.getQueryStringParameters());
        echo.put("body", event.getBody());
        echo.put("headers", event.getHeaders());
        if (event.getRequestContext().getAuthorizer() != null) {
            echo.put("claims", event.getRequestContext().getAuthorizer().getJwt().getClaims());
            echo.put("scopes", event.getRequestContext().getAuthorizer().getJwt().getScopes());
        }
        echo.put("greetingAtColdStart", greetingAtColdStart);
        echo.put("greeting", Env.required("ECHO_GREETING"));
        echo.put("httpApiUrl", Env.required("HTTP_API_URL"));
        echo.put("table", Env.required("TABLE_NAME"));
        echo.put("workQueueUrl", Env.required("WORK_QUEUE_URL"));
        echo.put("functionName", context.getFunctionName());
        echo.put("requestId", context.getAwsRequestId());
        echo.put("remainingMillis", context.getRemainingTimeInMillis());
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("content-type", "application/json", "etag", "\"v1\""))
                .withCookies(java.util.List.of("seen=yes; Path=/"))
                .withBody(Json.write(echo))
                .build();
    }
}
