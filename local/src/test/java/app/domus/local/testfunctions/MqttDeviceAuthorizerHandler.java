package app.domus.local.testfunctions;

import app.domus.local.json.Json;
import app.domus.shared.config.Env;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IoT custom authorizer for tests, recording each event: a user name {@code dev-...} with password {@code s3cret}
 * is a registered device, allowed to connect as the client id equal to its user name, to publish to its own
 * {@code meters/<id>/readings} and to subscribe to its own {@code commands/<id>/...}; its policy comes as a JSON string,
 * or as an object for user names {@code dev-object-...}. User name {@code broken} makes it fail, {@code slow} makes it
 * take two seconds. Anyone else is refused.
 */
public class MqttDeviceAuthorizerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    public static final String SECRET = "s3cret";

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Recorded.record(context.getFunctionName(), event);
        Map<?, ?> mqtt = (Map<?, ?>) ((Map<?, ?>) event.get("protocolData")).get("mqtt");
        String username = String.valueOf(mqtt.get("username"));
        String password = mqtt.get("password") == null ? null : new String(Base64.getDecoder().decode((String) mqtt.get("password")), StandardCharsets.UTF_8);
        if (username.equals("broken")) throw new IllegalStateException("the device registry is down");
        if (username.equals("slow")) sleep();
        if (!(username.startsWith("dev-") || username.equals("slow")) || !SECRET.equals(password)) return Map.of("isAuthenticated", false);

        String arn = Env.required("IOT_ARN_PREFIX");
        Map<String, Object> policy = Map.of("Version", "2012-10-17", "Statement", List.of(
                Map.of("Effect", "Allow", "Action", "iot:Connect", "Resource", arn + ":client/" + username),
                Map.of("Effect", "Allow", "Action", List.of("iot:Publish"), "Resource", List.of(arn + ":topic/meters/" + username + "/readings")),
                Map.of("Effect", "Allow", "Action", "iot:Subscribe", "Resource", arn + ":topicfilter/commands/" + username + "/*")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("isAuthenticated", true);
        answer.put("principalId", username.replaceAll("[^A-Za-z0-9]", ""));
        answer.put("disconnectAfterInSeconds", 86_400);
        answer.put("refreshAfterInSeconds", 3_600);
        answer.put("policyDocuments", List.of(username.startsWith("dev-object-") ? policy : Json.write(policy)));
        return answer;
    }

    private static void sleep() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
