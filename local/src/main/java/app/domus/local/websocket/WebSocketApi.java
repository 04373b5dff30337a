package app.domus.local.websocket;

import app.domus.local.Deployment;
import app.domus.local.template.TemplateResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The template's WebSocket API ({@code AWS::ApiGatewayV2::Api} with {@code ProtocolType: WEBSOCKET}) and its routes,
 * integrations, REQUEST authorizer and stage, reduced to what the gateway needs: which function serves which route key.
 */
public record WebSocketApi(String apiId, String stage, String routeSelectionField, Map<String, Route> routes, Authorizer authorizer) {

    /**
     * @param functionArn       the Lambda behind the route's integration
     * @param authorized        whether the route uses the API's authorizer (only {@code $connect} can)
     * @param returnsResponse   a route response is configured, so the function's {@code body} goes back to the client
     */
    public record Route(String routeKey, String functionArn, boolean authorized, boolean returnsResponse) {}

    /** A REQUEST authorizer: its function and the identity sources, e.g. {@code route.request.querystring.token}. */
    public record Authorizer(String functionArn, List<String> identitySources) {}

    public static Optional<WebSocketApi> from(Deployment deployment) {
        Optional<TemplateResource> api = deployment.resources("AWS::ApiGatewayV2::Api").stream()
                .filter(candidate -> "WEBSOCKET".equals(String.valueOf(candidate.properties().get("ProtocolType"))))
                .findFirst();
        if (api.isEmpty()) return Optional.empty();
        String apiId = deployment.names().apiId(api.get());
        String selection = String.valueOf(deployment.properties(api.get()).getOrDefault("RouteSelectionExpression", "$request.body.action"));

        Map<String, String> integrationFunctions = new LinkedHashMap<>();
        for (TemplateResource integration : resourcesOf(deployment, "AWS::ApiGatewayV2::Integration", apiId)) {
            integrationFunctions.put(integration.logicalId(), String.valueOf(deployment.properties(integration).get("IntegrationUri")));
        }
        Authorizer authorizer = null;
        String authorizerId = null;
        for (TemplateResource candidate : resourcesOf(deployment, "AWS::ApiGatewayV2::Authorizer", apiId)) {
            Map<String, Object> properties = deployment.properties(candidate);
            Object sources = properties.get("IdentitySource");
            authorizer = new Authorizer(String.valueOf(properties.get("AuthorizerUri")),
                    sources instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(sources)));
            authorizerId = candidate.logicalId();
        }
        Map<String, Route> routes = new LinkedHashMap<>();
        for (TemplateResource route : resourcesOf(deployment, "AWS::ApiGatewayV2::Route", apiId)) {
            Map<String, Object> properties = deployment.properties(route);
            String target = String.valueOf(properties.get("Target"));
            String integrationId = target.substring(target.lastIndexOf('/') + 1);
            String functionArn = integrationFunctions.get(integrationId);
            if (functionArn == null) throw new IllegalArgumentException("Route " + route.logicalId() + " targets unknown integration " + target);
            String routeKey = String.valueOf(properties.get("RouteKey"));
            boolean authorized = "CUSTOM".equals(properties.get("AuthorizationType"))
                    && (authorizerId == null || authorizerId.equals(String.valueOf(properties.get("AuthorizerId"))));
            routes.put(routeKey, new Route(routeKey, functionArn, authorized, properties.containsKey("RouteResponseSelectionExpression")));
        }
        String stage = resourcesOf(deployment, "AWS::ApiGatewayV2::Stage", apiId).stream()
                .findFirst()
                .map(stageResource -> String.valueOf(deployment.properties(stageResource).get("StageName")))
                .orElse("$default");
        return Optional.of(new WebSocketApi(apiId, stage, selection.replace("$request.body.", ""), routes, authorizer));
    }

    private static List<TemplateResource> resourcesOf(Deployment deployment, String type, String apiId) {
        return deployment.resources(type).stream()
                .filter(resource -> apiId.equals(String.valueOf(deployment.properties(resource).get("ApiId"))))
                .toList();
    }
}
