package app.domus.local.http;

import app.domus.local.Deployment;
import app.domus.local.FunctionEvent;
import app.domus.local.template.TemplateResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The routes of the HTTP API, from the functions' {@code HttpApi} events. */
public final class HttpRoutes {
    private final List<HttpRoute> routes = new ArrayList<>();

    /** A route chosen for a request, with the path parameters it extracted. */
    public record RouteMatch(HttpRoute route, Map<String, String> pathParameters) {}

    public HttpRoutes(Deployment deployment) {
        String defaultAuthorizer = deployment.resources("AWS::Serverless::HttpApi").stream()
                .findFirst()
                .map(api -> deployment.properties(api).get("Auth") instanceof Map<?, ?> auth ? auth.get("DefaultAuthorizer") : null)
                .map(String::valueOf)
                .orElse(null);
        for (FunctionEvent event : deployment.functionEvents("HttpApi")) {
            String method = event.string("Method") == null ? "ANY" : event.string("Method").toUpperCase(Locale.ROOT);
            String path = event.string("Path") == null ? "$default" : event.string("Path");
            Map<String, Object> auth = event.map("Auth");
            String authorizer = auth.containsKey("Authorizer") ? String.valueOf(auth.get("Authorizer")) : defaultAuthorizer;
            if ("NONE".equals(authorizer)) authorizer = null;
            List<String> scopes = auth.get("AuthorizationScopes") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
            routes.add(new HttpRoute(method.equals("*") ? "ANY" : method, path, event.functionLogicalId(), authorizer, scopes));
        }
    }

    public List<HttpRoute> all() {
        return List.copyOf(routes);
    }

    public Optional<RouteMatch> match(String method, String path) {
        Optional<RouteMatch> best = routes.stream()
                .filter(route -> !route.path().equals("$default"))
                .filter(route -> route.method().equals("ANY") || route.method().equals(method))
                .flatMap(route -> route.match(path).map(parameters -> new RouteMatch(route, parameters)).stream())
                .max(Comparator.comparingInt(match -> match.route().specificity()));
        if (best.isPresent()) return best;
        return routes.stream().filter(route -> route.path().equals("$default")).findFirst().map(route -> new RouteMatch(route, Map.of()));
    }

    /** The HTTP API resource, for its CORS and authorizer configuration. */
    static Optional<TemplateResource> api(Deployment deployment) {
        return deployment.resources("AWS::Serverless::HttpApi").stream().findFirst();
    }
}
