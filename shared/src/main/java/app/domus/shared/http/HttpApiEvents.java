package app.domus.shared.http;

import app.domus.shared.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API Gateway's HTTP API payload 2.0, read and written with the platform's own Jackson.
 *
 * <p>Why not let Lambda's runtime do it: a {@code RequestHandler<APIGatewayV2HTTPEvent, …>} has its event and response
 * converted by {@code aws-lambda-java-serialization}, which starts a second, shaded Jackson with mix-ins on the first
 * request. Measured in the bench, that is about 300 ms of a plain cold start (the hello world that takes the event
 * costs 330 ms against 35 ms for one that reads nothing), while the platform's mapper is loaded anyway. So the HTTP
 * handlers are stream handlers and read the event here: only the fields the payload defines, by their wire names
 * ({@code isBase64Encoded}, not the bean name Lombok gives it).
 */
public final class HttpApiEvents {
    private HttpApiEvents() {}

    /** The event in {@code input}; a body that is not a JSON object is an {@link IOException}. */
    public static APIGatewayV2HTTPEvent read(InputStream input) throws IOException {
        JsonNode root = Json.MAPPER.readTree(input);
        if (root == null || !root.isObject()) throw new IOException("an HTTP API event is a JSON object");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion(text(root, "version"))
                .withRouteKey(text(root, "routeKey"))
                .withRawPath(text(root, "rawPath"))
                .withRawQueryString(text(root, "rawQueryString"))
                .withCookies(texts(root.get("cookies")))
                .withHeaders(textMap(root.get("headers")))
                .withQueryStringParameters(textMap(root.get("queryStringParameters")))
                .withPathParameters(textMap(root.get("pathParameters")))
                .withStageVariables(textMap(root.get("stageVariables")))
                .withBody(text(root, "body"))
                .withIsBase64Encoded(root.path("isBase64Encoded").asBoolean(false))
                .withRequestContext(requestContext(root.get("requestContext")))
                .build();
    }

    /** Writes {@code response} as Lambda returns it to API Gateway; absent fields are left out. */
    public static void write(APIGatewayV2HTTPResponse response, OutputStream output) throws IOException {
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(output)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.writeStartObject();
            json.writeNumberField("statusCode", response.getStatusCode());
            if (response.getHeaders() != null) {
                json.writeObjectFieldStart("headers");
                for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
                    json.writeStringField(header.getKey(), header.getValue());
                }
                json.writeEndObject();
            }
            if (response.getMultiValueHeaders() != null) {
                json.writeObjectFieldStart("multiValueHeaders");
                for (Map.Entry<String, List<String>> header : response.getMultiValueHeaders().entrySet()) {
                    writeTexts(json, header.getKey(), header.getValue());
                }
                json.writeEndObject();
            }
            if (response.getCookies() != null) writeTexts(json, "cookies", response.getCookies());
            if (response.getBody() != null) json.writeStringField("body", response.getBody());
            json.writeBooleanField("isBase64Encoded", response.getIsBase64Encoded());
            json.writeEndObject();
        }
    }

    private static APIGatewayV2HTTPEvent.RequestContext requestContext(JsonNode node) {
        if (node == null || !node.isObject()) return null;
        JsonNode http = node.get("http");
        return APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRouteKey(text(node, "routeKey"))
                .withAccountId(text(node, "accountId"))
                .withStage(text(node, "stage"))
                .withApiId(text(node, "apiId"))
                .withDomainName(text(node, "domainName"))
                .withDomainPrefix(text(node, "domainPrefix"))
                .withTime(text(node, "time"))
                .withTimeEpoch(node.path("timeEpoch").asLong(0))
                .withRequestId(text(node, "requestId"))
                .withHttp(http == null || !http.isObject() ? null : APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(text(http, "method"))
                        .withPath(text(http, "path"))
                        .withProtocol(text(http, "protocol"))
                        .withSourceIp(text(http, "sourceIp"))
                        .withUserAgent(text(http, "userAgent"))
                        .build())
                .withAuthorizer(authorizer(node.get("authorizer")))
                .build();
    }

    private static APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer(JsonNode node) {
        if (node == null || !node.isObject()) return null;
        JsonNode jwt = node.get("jwt");
        JsonNode iam = node.get("iam");
        JsonNode lambda = node.get("lambda");
        return APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(jwt == null || !jwt.isObject() ? null : APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                        .withClaims(textMap(jwt.get("claims")))
                        .withScopes(texts(jwt.get("scopes")))
                        .build())
                .withIam(iam == null || !iam.isObject() ? null : APIGatewayV2HTTPEvent.RequestContext.IAM.builder()
                        .withAccessKey(text(iam, "accessKey"))
                        .withAccountId(text(iam, "accountId"))
                        .withCallerId(text(iam, "callerId"))
                        .withPrincipalOrgId(text(iam, "principalOrgId"))
                        .withUserArn(text(iam, "userArn"))
                        .withUserId(text(iam, "userId"))
                        .build())
                .withLambda(lambda == null || !lambda.isObject() ? null : objectMap(lambda))
                .build();
    }

    private static String text(JsonNode node, String field) {
        return scalar(node.get(field));
    }

    /** A string as it is; another scalar as its text (API Gateway passes JWT claims as strings, a test may not); null for null. */
    private static String scalar(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) return null;
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static List<String> texts(JsonNode node) {
        if (node == null || !node.isArray()) return null;
        List<String> values = new ArrayList<>(node.size());
        for (JsonNode value : node) values.add(scalar(value));
        return values;
    }

    private static Map<String, String> textMap(JsonNode node) {
        if (node == null || !node.isObject()) return null;
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            values.put(field.getKey(), scalar(field.getValue()));
        }
        return values;
    }

    private static Map<String, Object> objectMap(JsonNode node) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            values.put(field.getKey(), plain(field.getValue()));
        }
        return values;
    }

    private static Object plain(JsonNode value) {
        if (value == null || value.isNull()) return null;
        if (value.isObject()) return objectMap(value);
        if (value.isArray()) {
            List<Object> items = new ArrayList<>(value.size());
            for (JsonNode item : value) items.add(plain(item));
            return items;
        }
        if (value.isBoolean()) return value.booleanValue();
        if (value.isIntegralNumber()) return value.canConvertToInt() ? (Object) value.intValue() : (Object) value.longValue();
        if (value.isNumber()) return value.doubleValue();
        return value.asText();
    }

    private static void writeTexts(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) json.writeString(value);
        json.writeEndArray();
    }
}
