package app.domus.meters.ingest;

import app.domus.meters.MeterAccess;
import app.domus.meters.registry.DeviceService;
import app.domus.meters.registry.GatewayItem;
import app.domus.shared.auth.Caller;
import app.domus.shared.config.Env;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.json.Json;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The seed's {@code POST /internal/meter-readings}: the same ingestion as MQTT for gateways that cannot speak it. A
 * gateway authenticates with its own credential ({@code Authorization: Gateway <gatewayId>:<secret>}, registered by a
 * manager of its building), not a user's token; its readings go into the readings queue in the IoT rule's shape, marked
 * with the gateway's building, and ingestion accepts them for that building's devices only. The answer is 202: they are
 * checked and stored asynchronously, and rejected ones end in the DLQ with their reason, as the devices' do.
 */
@Singleton
public class GatewayIngestion {
    public static final int MAX_READINGS = 100;
    private static final String SCHEME = "Gateway ";

    private final DomusTable table;
    private final MeterAccess access;
    private final SqsClient sqs;
    private final Clock clock;

    @Inject
    public GatewayIngestion(DomusTable table, MeterAccess access, SqsClient sqs, Clock clock) {
        this.table = table;
        this.access = access;
        this.sqs = sqs;
        this.clock = clock;
    }

    /** A gateway and its secret, shown this once. */
    public record Registered(GatewayItem gateway, String secret) {}

    public record Batch(List<Map<String, Object>> readings) implements Validated {
        @Override
        public void validate(Validator v) {
            if (v.required("readings", readings)) v.size("readings", readings, 1, MAX_READINGS);
        }
    }

    public Registered register(Caller caller, String buildingId) {
        var building = access.managedBuilding(caller, buildingId);
        String secret = Ids.secret(32);
        GatewayItem gateway = new GatewayItem();
        gateway.setId("gw-" + Ids.newId().toLowerCase(java.util.Locale.ROOT));
        gateway.setPk(GatewayItem.pk(gateway.getId()));
        gateway.setSk(GatewayItem.SK);
        gateway.setGsi1pk(GatewayItem.ofBuilding(buildingId));
        gateway.setGsi1sk(gateway.getId());
        gateway.setBuildingId(buildingId);
        gateway.setOrganisationId(building.getOrganisationId());
        gateway.setSecretHash(DeviceService.sha256(secret));
        gateway.setStatus("ACTIVE");
        gateway.setRegisteredAt(clock.instant().toString());
        table.of(GatewayItem.class).putItem(gateway);
        return new Registered(gateway, secret);
    }

    /** The gateway the header names, if its secret matches; 401 otherwise, the same whatever was wrong. */
    public GatewayItem authenticate(Optional<String> authorization) {
        String value = authorization.orElse("");
        int colon = value.indexOf(':');
        if (!value.startsWith(SCHEME) || colon < 0 || value.length() > 200) throw unauthenticated();
        String id = value.substring(SCHEME.length(), colon);
        String presented = DeviceService.sha256(value.substring(colon + 1));
        Optional<GatewayItem> gateway = id.isEmpty() ? Optional.empty() : table.get(GatewayItem.class, GatewayItem.pk(id), GatewayItem.SK);
        String expected = gateway.map(GatewayItem::getSecretHash).orElse("0".repeat(64));
        boolean same = MessageDigest.isEqual(presented.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII));
        return gateway.filter(g -> same && g.isActive()).orElseThrow(GatewayIngestion::unauthenticated);
    }

    /** Queues the readings for ingestion; gives how many were queued. */
    public int submit(GatewayItem gateway, Batch batch) {
        String queueUrl = Env.required("METER_READINGS_QUEUE_URL");
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch.readings().size(); i++) {
            Map<String, Object> reading = batch.readings().get(i);
            Object device = reading == null ? null : reading.get("deviceId");
            String payload = Base64.getEncoder().encodeToString(Json.write(reading).getBytes(StandardCharsets.UTF_8));
            entries.add(SendMessageBatchRequestEntry.builder().id(String.valueOf(i)).messageBody(Json.write(Map.of(
                    "payload", payload, "topic", "meters/" + device + "/readings", "clientId", gateway.getId(),
                    "receivedAt", clock.millis(), "gatewayBuildingId", gateway.getBuildingId()))).build());
        }
        int queued = 0;
        for (int from = 0; from < entries.size(); from += 10) {
            List<SendMessageBatchRequestEntry> chunk = entries.subList(from, Math.min(entries.size(), from + 10));
            var response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(chunk));
            if (!response.failed().isEmpty()) {
                throw new ApiException(ProblemType.UNAVAILABLE, queued + response.successful().size()
                        + " readings were queued and the rest were not; send those again (duplicates are dropped)");
            }
            queued += chunk.size();
        }
        return queued;
    }

    private static ApiException unauthenticated() {
        return new ApiException(ProblemType.UNAUTHORIZED, "Send Authorization: Gateway <gatewayId>:<secret>, as registered for the building");
    }
}
