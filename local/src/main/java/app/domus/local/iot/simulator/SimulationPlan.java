package app.domus.local.iot.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to simulate: the meters with the credentials they connect with (given by whoever starts the simulation: the
 * platform's registered devices, or made-up ones to see them refused), how often each publishes, and which misbehave.
 */
public record SimulationPlan(List<Device> devices, Duration interval, Map<String, Misbehaviour> misbehaviour) {
    static final Duration SHORTEST_INTERVAL = Duration.ofMillis(50);
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    static final int MOST_DEVICES = 1000;

    /** A device's MQTT identity: user name and client id {@code deviceId}, password {@code secret}. */
    public record Device(String deviceId, String secret) {}

    public SimulationPlan {
        devices = List.copyOf(devices);
        misbehaviour = Map.copyOf(misbehaviour);
    }

    /**
     * Reads {@code {"devices":[{"deviceId":"..","secret":".."}], "intervalMillis":1000, "misbehave":{"<deviceId>":"spike"}}}.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static SimulationPlan parse(JsonNode body) {
        if (body == null || !body.isObject()) throw new IllegalArgumentException("the body must be a JSON object with \"devices\"");
        JsonNode devicesField = body.path("devices");
        if (!devicesField.isArray() || devicesField.isEmpty()) throw new IllegalArgumentException("\"devices\" must be a non-empty list of {\"deviceId\", \"secret\"}");
        if (devicesField.size() > MOST_DEVICES) throw new IllegalArgumentException("at most " + MOST_DEVICES + " devices at a time");
        List<Device> devices = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode device : devicesField) {
            String deviceId = requiredText(device, "deviceId");
            if (deviceId.contains("/") || deviceId.contains("+") || deviceId.contains("#")) {
                throw new IllegalArgumentException("deviceId \"" + deviceId + "\" cannot be a topic level (no /, + or #)");
            }
            if (!ids.add(deviceId)) throw new IllegalArgumentException("deviceId \"" + deviceId + "\" is listed twice");
            devices.add(new Device(deviceId, requiredText(device, "secret")));
        }
        return new SimulationPlan(devices, interval(body.path("intervalMillis")), misbehaviour(body.path("misbehave"), ids));
    }

    private static String requiredText(JsonNode device, String field) {
        JsonNode value = device.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) throw new IllegalArgumentException("each device needs a non-empty string \"" + field + "\": " + device);
        return value.asText();
    }

    private static Duration interval(JsonNode millis) {
        if (millis.isMissingNode() || millis.isNull()) return DEFAULT_INTERVAL;
        if (!millis.canConvertToLong() || !millis.isIntegralNumber() || millis.asLong() < SHORTEST_INTERVAL.toMillis()) {
            throw new IllegalArgumentException("\"intervalMillis\" must be a whole number of at least " + SHORTEST_INTERVAL.toMillis());
        }
        return Duration.ofMillis(millis.asLong());
    }

    private static Map<String, Misbehaviour> misbehaviour(JsonNode misbehave, Set<String> deviceIds) {
        Map<String, Misbehaviour> misbehaviour = new LinkedHashMap<>();
        if (misbehave.isMissingNode() || misbehave.isNull()) return misbehaviour;
        if (!misbehave.isObject()) throw new IllegalArgumentException("\"misbehave\" must map device ids to spike, silent, duplicate or garbage");
        for (Map.Entry<String, JsonNode> entry : misbehave.properties()) {
            if (!deviceIds.contains(entry.getKey())) throw new IllegalArgumentException("\"misbehave\" names " + entry.getKey() + ", which is not in \"devices\"");
            misbehaviour.put(entry.getKey(), Misbehaviour.parse(entry.getValue().asText()));
        }
        return misbehaviour;
    }
}
