package app.domus.meters.ingest;

import static app.domus.shared.testing.Refusals.errors;
import static app.domus.shared.testing.Refusals.status;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.meters.MetersFixture;
import app.domus.meters.readings.ReadingItem;
import app.domus.meters.registry.DeviceService;
import app.domus.meters.registry.GatewayItem;
import app.domus.meters.registry.MeterItem;
import app.domus.shared.config.Env;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.Role;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.json.Json;
import app.domus.shared.testing.DirectoryWorld;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/** A gateway's HTTP readings: its registration, its credential, and its readings queued in the IoT rule's shape. */
class GatewayIngestionTest {
    private static final String QUEUE = "http://sqs.local/000000000000/MeterReadingsQueue";
    private final MetersFixture f = new MetersFixture();
    private final QueueDouble sqs = new QueueDouble();
    private final GatewayIngestion gateways = new GatewayIngestion(f.table, f.meterAccess, sqs, f.clock);

    /**
     * Keeps every batch sent; the batch numbered {@link #failBatch} (from 1) has its last entry refused, and while
     * {@link #down} the queue answers nothing at all.
     */
    static final class QueueDouble implements SqsClient {
        final List<SendMessageBatchRequest> batches = Collections.synchronizedList(new ArrayList<>());
        int failBatch;
        boolean down;

        @Override
        public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
            if (down) throw software.amazon.awssdk.services.sqs.model.SqsException.builder().message("unavailable").statusCode(503).build();
            batches.add(request);
            var entries = request.entries();
            boolean fail = batches.size() == failBatch;
            List<SendMessageBatchResultEntry> ok = new ArrayList<>();
            List<BatchResultErrorEntry> failed = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                if (fail && i == entries.size() - 1) failed.add(BatchResultErrorEntry.builder().id(entries.get(i).id()).code("InternalError").senderFault(false).build());
                else ok.add(SendMessageBatchResultEntry.builder().id(entries.get(i).id()).messageId("msg-" + i).build());
            }
            return SendMessageBatchResponse.builder().successful(ok).failed(failed).build();
        }

        List<JsonNode> bodies() {
            return batches.stream().flatMap(b -> b.entries().stream()).map(e -> Json.read(e.messageBody(), JsonNode.class)).toList();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {}
    }

    private GatewayIngestion.Registered registered() {
        return gateways.register(DirectoryWorld.caller(f.manager), f.building.getId());
    }

    private static Optional<String> header(GatewayIngestion.Registered gateway) {
        return Optional.of("Gateway " + gateway.gateway().getId() + ":" + gateway.secret());
    }

    private int submit(GatewayItem gateway, List<Map<String, Object>> readings) {
        return Env.with(Map.of("METER_READINGS_QUEUE_URL", QUEUE), () -> gateways.submit(gateway, new GatewayIngestion.Batch(readings)));
    }

    private static Map<String, Object> reading(String deviceId, double value, String at) {
        return Map.of("deviceId", deviceId, "value", value, "timestamp", at);
    }

    @Test
    void aManagerRegistersAGatewayWhoseSecretIsShownOnceAndStoredOnlyAsAHash() {
        GatewayIngestion.Registered gateway = registered();
        GatewayItem stored = f.table.get(GatewayItem.class, GatewayItem.pk(gateway.gateway().getId()), GatewayItem.SK).orElseThrow();
        assertThat(stored.getId()).startsWith("gw-").isEqualTo(stored.getId().toLowerCase(java.util.Locale.ROOT));
        assertThat(stored.getBuildingId()).isEqualTo(f.building.getId());
        assertThat(stored.getOrganisationId()).isEqualTo(f.org);
        assertThat(stored.isActive()).isTrue();
        assertThat(stored.getRegisteredAt()).isEqualTo(DirectoryWorld.START.toString());
        assertThat(stored.getGsi1pk()).isEqualTo(GatewayItem.ofBuilding(f.building.getId()));
        assertThat(stored.getSecretHash()).isEqualTo(DeviceService.sha256(gateway.secret())).doesNotContain(gateway.secret());
        assertThat(gateway.secret()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(registered().secret()).isNotEqualTo(gateway.secret());
    }

    @Test
    void onlyTheBuildingsManagersRegisterOne() {
        assertThat(status(() -> gateways.register(DirectoryWorld.caller(f.owner), f.building.getId()))).isEqualTo(403);
        assertThat(status(() -> gateways.register(DirectoryWorld.caller(f.technician), f.building.getId()))).isEqualTo(403);
        assertThat(status(() -> gateways.register(DirectoryWorld.caller(f.outsider), f.building.getId()))).isEqualTo(404);
        assertThat(f.table.allInIndex(GatewayItem.class, app.domus.shared.persistence.TableItem.GSI1, GatewayItem.ofBuilding(f.building.getId())))
                .isEmpty();
    }

    @Test
    void theGatewayIsKnownByItsIdAndSecretAndEverythingElseIsTheSame401() {
        GatewayIngestion.Registered gateway = registered();
        assertThat(gateways.authenticate(header(gateway)).getId()).isEqualTo(gateway.gateway().getId());
        String id = gateway.gateway().getId();
        List<Optional<String>> wrong = List.of(Optional.empty(), Optional.of(""),
                Optional.of("Gateway " + id + ":" + gateway.secret() + "x"),
                Optional.of("Bearer " + id + ":" + gateway.secret()),
                Optional.of("gateway " + id + ":" + gateway.secret()),
                Optional.of("Gateway " + id + gateway.secret()),
                Optional.of("Gateway :" + gateway.secret()),
                Optional.of("Gateway gw-nosuchgateway:" + gateway.secret()),
                Optional.of("Gateway " + id + ":" + gateway.secret() + " ".repeat(200)),
                Optional.of("Gateway " + registered().gateway().getId() + ":" + gateway.secret()));
        for (Optional<String> header : wrong) {
            assertThat(status(() -> gateways.authenticate(header))).as(header.toString()).isEqualTo(401);
        }
    }

    @Test
    void aGatewayThatIsNoLongerActiveIsRefused() {
        GatewayIngestion.Registered gateway = registered();
        GatewayItem stored = f.table.get(GatewayItem.class, GatewayItem.pk(gateway.gateway().getId()), GatewayItem.SK).orElseThrow();
        stored.setStatus("REVOKED");
        f.table.of(GatewayItem.class).putItem(stored);
        assertThat(status(() -> gateways.authenticate(header(gateway)))).isEqualTo(401);
    }

    @Test
    void readingsAreQueuedTenToABatchInTheIotRulesShapeMarkedWithTheGatewaysBuilding() {
        GatewayItem gateway = registered().gateway();
        List<Map<String, Object>> readings = IntStream.range(0, 23).mapToObj(i -> reading("dev-" + i, i, "2026-03-02T08:00:00Z")).toList();
        assertThat(submit(gateway, readings)).isEqualTo(23);
        assertThat(sqs.batches).extracting(b -> b.entries().size()).containsExactly(10, 10, 3);
        assertThat(sqs.batches).allSatisfy(b -> assertThat(b.queueUrl()).isEqualTo(QUEUE));
        assertThat(sqs.batches.get(1).entries()).extracting(e -> e.id()).containsExactly("10", "11", "12", "13", "14", "15", "16", "17", "18", "19");
        List<JsonNode> bodies = sqs.bodies();
        assertThat(bodies).hasSize(23);
        JsonNode seventh = bodies.get(7);
        assertThat(seventh.path("topic").asText()).isEqualTo("meters/dev-7/readings");
        assertThat(seventh.path("clientId").asText()).isEqualTo(gateway.getId());
        assertThat(seventh.path("gatewayBuildingId").asText()).isEqualTo(f.building.getId());
        assertThat(seventh.path("receivedAt").asLong()).isEqualTo(f.clock.millis());
        JsonNode payload = Json.read(new String(Base64.getDecoder().decode(seventh.path("payload").asText()), StandardCharsets.UTF_8), JsonNode.class);
        assertThat(payload.path("deviceId").asText()).isEqualTo("dev-7");
        assertThat(payload.path("value").asDouble()).isEqualTo(7.0);
        assertThat(payload.path("timestamp").asText()).isEqualTo("2026-03-02T08:00:00Z");
    }

    @Test
    void aReadingWithoutADeviceIsStillQueuedForIngestionToRejectWithItsReason() {
        GatewayItem gateway = registered().gateway();
        List<Map<String, Object>> readings = new ArrayList<>();
        readings.add(null);
        readings.add(new HashMap<>(Map.of("value", 1)));
        assertThat(submit(gateway, readings)).isEqualTo(2);
        assertThat(sqs.bodies()).extracting(b -> b.path("topic").asText()).containsExactly("meters/null/readings", "meters/null/readings");
    }

    @Test
    void aBatchTheQueuePartlyRefusesSaysHowManyWereQueuedAndAsksForTheRestAgain() {
        GatewayItem gateway = registered().gateway();
        sqs.failBatch = 2;
        List<Map<String, Object>> readings = IntStream.range(0, 25).mapToObj(i -> reading("dev-" + i, i, "2026-03-02T08:00:00Z")).toList();
        try {
            submit(gateway, readings);
            throw new AssertionError("a refused entry must not be answered 202");
        } catch (ApiException e) {
            assertThat(e.type()).isEqualTo(ProblemType.UNAVAILABLE);
            assertThat(e.detail()).startsWith("19 readings were queued");
        }
        assertThat(sqs.batches).as("nothing after the refused batch").hasSize(2);
    }

    @Test
    void readingsSentThroughTheGatewayAreStoredForItsOwnBuildingsDevicesOnly() {
        MeterItem meter = f.electricityMeter();
        String deviceId = f.devices.register(DirectoryWorld.caller(f.manager), meter.getId()).device().getId();
        BuildingItem towerB = f.building(f.org, "Tower B");
        String managerB = f.user("manager-b");
        f.member(managerB, f.org, Role.MANAGER, towerB.getId(), null);
        GatewayItem own = registered().gateway();
        GatewayItem foreign = gateways.register(DirectoryWorld.caller(managerB), towerB.getId()).gateway();

        submit(own, List.of(reading(deviceId, 12.5, "2026-03-02T08:00:00Z")));
        submit(foreign, List.of(reading(deviceId, 13.5, "2026-03-02T08:30:00Z")));
        List<JsonNode> bodies = sqs.bodies();
        var results = f.ingestion.ingest(List.of(new ReadingIngestion.Message("own", Json.write(bodies.get(0))),
                new ReadingIngestion.Message("foreign", Json.write(bodies.get(1)))));
        assertThat(results).filteredOn(r -> r.messageId().equals("own")).singleElement()
                .satisfies(r -> assertThat(r.kind()).isEqualTo(ReadingIngestion.Kind.STORED));
        assertThat(results).filteredOn(r -> r.messageId().equals("foreign")).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReadingIngestion.Kind.REJECTED);
            assertThat(r.reason()).isEqualTo("the gateway is not in the device's building");
        });
        assertThat(f.partition(ReadingItem.class, ReadingItem.pk(meter.getId())).stream().filter(r -> !r.getSk().startsWith("DAY#")))
                .singleElement().satisfies(r -> assertThat(r.getValue()).isEqualTo("12.5"));
    }

    @Test
    void aBatchHoldsOneToAHundredReadings() {
        assertThat(errors(new GatewayIngestion.Batch(null))).containsExactly("readings");
        assertThat(errors(new GatewayIngestion.Batch(List.of()))).containsExactly("readings");
        List<Map<String, Object>> hundred = IntStream.range(0, GatewayIngestion.MAX_READINGS).mapToObj(i -> reading("d", i, "t")).toList();
        assertThat(errors(new GatewayIngestion.Batch(hundred))).isEmpty();
        List<Map<String, Object>> more = new ArrayList<>(hundred);
        more.add(reading("d", 101, "t"));
        assertThat(errors(new GatewayIngestion.Batch(more))).containsExactly("readings");
    }
}
