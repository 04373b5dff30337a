package app.domus.local;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the execute-api URLs a template builds ({@code !Sub https://${Api}.execute-api.${AWS::Region}.amazonaws.com/${Stage}},
 * {@code !GetAtt Api.ApiEndpoint}) into the local gateways' addresses, so a function's configuration points at this machine.
 */
final class ExecuteApiUrls {
    private static final Pattern EXECUTE_API_URL =
            Pattern.compile("(https|wss)://([a-z0-9]+)\\.execute-api\\.[a-z0-9-]+\\.amazonaws\\.com(/[^/?#\\s\"]*)?");

    private final Map<String, String> httpApiStages;
    private final Set<String> webSocketApis;
    private final LocalEndpoints endpoints;

    /**
     * @param httpApiStages every HTTP API's id and stage name; the local HTTP gateway serves at the root, so the stage
     *                      segment is dropped
     * @param webSocketApis every WebSocket API's id: {@code wss://} becomes the local WebSocket gateway, {@code https://}
     *                      (the {@code @connections} management endpoint) the local AWS endpoint
     */
    ExecuteApiUrls(Map<String, String> httpApiStages, Set<String> webSocketApis, LocalEndpoints endpoints) {
        this.httpApiStages = Map.copyOf(httpApiStages);
        this.webSocketApis = Set.copyOf(webSocketApis);
        this.endpoints = endpoints;
    }

    String localise(String value) {
        Matcher matcher = EXECUTE_API_URL.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(local(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group())));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private String local(String scheme, String apiId, String firstSegment, String original) {
        String path = firstSegment == null ? "" : firstSegment;
        if (httpApiStages.containsKey(apiId) && scheme.equals("https")) {
            return endpoints.httpUrl() + (path.equals("/" + httpApiStages.get(apiId)) ? "" : path);
        }
        if (webSocketApis.contains(apiId)) {
            return (scheme.equals("wss") ? endpoints.webSocketUrl() : endpoints.awsUrl()) + path;
        }
        return original;
    }
}
