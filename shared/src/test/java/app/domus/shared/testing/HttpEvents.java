package app.domus.shared.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Map;

/** Builds HTTP API (payload 2.0) events as API Gateway would pass them, for handler tests. */
public final class HttpEvents {
    private final String method;
    private final String path;
    private final Map<String, String> pathParameters = new HashMap<>();
    private final Map<String, String> query = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private String body;
    private Map<String, String> claims;
    private String sourceIp = "203.0.113.10";
    private final java.util.List<String> cookies = new java.util.ArrayList<>();

    private HttpEvents(String method, String path) {
        this.method = method;
        this.path = path;
        headers.put("content-type", "application/json");
    }

    public static HttpEvents request(String method, String path) {
        return new HttpEvents(method, path);
    }

    public HttpEvents pathParam(String name, String value) { pathParameters.put(name, value); return this; }
    public HttpEvents query(String name, String value) { query.put(name, value); return this; }
    public HttpEvents header(String name, String value) { headers.put(name, value); return this; }
    public HttpEvents body(String json) { this.body = json; return this; }
    public HttpEvents sourceIp(String ip) { this.sourceIp = ip; return this; }
    /** A cookie the browser sends ({@code name=value}), as payload 2.0's {@code cookies} carries it. */
    public HttpEvents cookie(String name, String value) { cookies.add(name + "=" + value); return this; }

    /** As the JWT authorizer would pass a signed-in user's claims. */
    public HttpEvents as(String userId) {
        return claims(Map.of("sub", userId, "email", userId + "@example.test", "sid", "session-" + userId, "email_verified", "true"));
    }

    /** As {@link #as(String)}, for a user whose token says the e-mail address is not verified yet. */
    public HttpEvents asUnverified(String userId) {
        return claims(Map.of("sub", userId, "email", userId + "@example.test", "sid", "session-" + userId, "email_verified", "false"));
    }

    public HttpEvents claims(Map<String, String> claims) { this.claims = claims; return this; }

    public APIGatewayV2HTTPEvent build() {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method).withPath(path).withSourceIp(sourceIp).withProtocol("HTTP/1.1").build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(http).withRequestId("req-" + System.nanoTime()).withRouteKey(method + " " + path).withStage("$default");
        if (claims != null) {
            var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build();
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build());
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRawPath(path).withRouteKey(method + " " + path)
                .withHeaders(headers).withPathParameters(pathParameters)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withBody(body).withIsBase64Encoded(false)
                .withCookies(cookies.isEmpty() ? null : java.util.List.copyOf(cookies))
                .withRequestContext(context.build())
                .build();
    }
}
