package app.domus.local.iot;

import app.domus.local.aws.AwsApi;
import app.domus.local.aws.AwsRequest;
import app.domus.local.aws.AwsResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The IoT data-plane {@code Publish} call ({@code POST /topics/{topic}}): functions reaching devices through the broker. */
public final class IotDataEmulator implements AwsApi {
    private final MqttBroker broker;

    public IotDataEmulator(MqttBroker broker) {
        this.broker = broker;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        if (!request.method().equals("POST") || !request.path().startsWith("/topics/")) {
            return AwsResponse.json(404, Map.of("message", "The local cloud answers only IoT data Publish, not " + request.method() + " " + request.path()));
        }
        String topic = URLDecoder.decode(request.path().substring("/topics/".length()).replace("+", "%2B"), StandardCharsets.UTF_8);
        Map<String, String> query = request.queryParameters();
        broker.publish(topic, request.body(), Integer.parseInt(query.getOrDefault("qos", "0")), Boolean.parseBoolean(query.get("retain")));
        return AwsResponse.empty(200);
    }
}
