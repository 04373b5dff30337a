package app.domus.meters.ingest;

import app.domus.meters.MetersComponent;
import app.domus.meters.registry.DeviceItem;
import app.domus.meters.registry.DeviceService;
import app.domus.shared.config.Env;
import app.domus.shared.json.Json;
import app.domus.shared.observability.Observability;
import app.domus.shared.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IoT Core's custom authorizer for smart meters: a device connects over MQTT with its id as client id and user name and
 * its secret as password; an active registered device is admitted with a policy that lets it connect as itself and
 * publish to its own readings topic only. Anything else is refused, the same way whatever failed.
 */
public class DeviceAuthorizerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, Priming.Primeable {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceAuthorizerHandler.class);
    /** A device reconnects daily, and its policy is looked at again hourly (a revoked device is out within the hour). */
    static final int DISCONNECT_AFTER_SECONDS = 86_400;
    static final int REFRESH_AFTER_SECONDS = 3_600;

    private final Priming priming = Priming.register(this);
    private final DeviceService devices;
    private final String arnPrefix;

    public DeviceAuthorizerHandler() {
        this(MetersComponent.create().devices(), Env.required("IOT_ARN_PREFIX"));
    }

    DeviceAuthorizerHandler(DeviceService devices, String arnPrefix) {
        this.devices = devices;
        this.arnPrefix = arnPrefix;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Observability.invocation(context, Observability.newCorrelationId(), () -> authorize(event));
    }

    Map<String, Object> authorize(Map<String, Object> event) {
        Map<?, ?> mqtt = event.get("protocolData") instanceof Map<?, ?> data && data.get("mqtt") instanceof Map<?, ?> m ? m : Map.of();
        String username = text(mqtt.get("username"));
        String clientId = text(mqtt.get("clientId"));
        byte[] password = decode(text(mqtt.get("password")));
        Optional<DeviceItem> device = password == null || username == null || !username.equals(clientId)
                ? Optional.empty() : devices.authenticate(username, password);
        if (device.isEmpty()) {
            LOG.info("Device connection refused for client {}", clientId == null ? "(none)" : clientId.length() > 80 ? clientId.substring(0, 80) : clientId);
            return Map.of("isAuthenticated", false);
        }
        String deviceId = device.get().getId();
        Map<String, Object> policy = Map.of("Version", "2012-10-17", "Statement", List.of(
                Map.of("Effect", "Allow", "Action", "iot:Connect", "Resource", arnPrefix + ":client/" + deviceId),
                Map.of("Effect", "Allow", "Action", "iot:Publish", "Resource", arnPrefix + ":topic/" + DeviceService.readingsTopic(deviceId))));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("isAuthenticated", true);
        answer.put("principalId", deviceId.replaceAll("[^A-Za-z0-9]", ""));
        answer.put("disconnectAfterInSeconds", DISCONNECT_AFTER_SECONDS);
        answer.put("refreshAfterInSeconds", REFRESH_AFTER_SECONDS);
        answer.put("policyDocuments", List.of(Json.write(policy)));
        return answer;
    }

    /** Before the snapshot: a refused connection (an unknown device) through the whole path; reads only. */
    @Override
    public void prime() {
        handleRequest(Map.of("protocols", List.of("mqtt"), "protocolData", Map.of("mqtt", Map.of("username", "dev-priming",
                "clientId", "dev-priming", "password", Base64.getEncoder().encodeToString(new byte[8])))), Priming.context());
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isEmpty() && s.length() <= 128 ? s : null;
    }

    private static byte[] decode(String base64) {
        if (base64 == null) return null;
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
