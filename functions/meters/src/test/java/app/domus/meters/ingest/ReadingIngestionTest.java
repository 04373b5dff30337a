package app.domus.meters.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.meters.MeterEvents;
import app.domus.meters.MetersFixture;
import app.domus.meters.readings.AnomalyItem;
import app.domus.meters.readings.ReadingItem;
import app.domus.meters.registry.DeviceService;
import app.domus.meters.registry.MeterItem;
import app.domus.shared.testing.DirectoryWorld;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReadingIngestionTest {
    private final MetersFixture f = new MetersFixture();
    private final MeterItem meter = f.electricityMeter();
    private final DeviceService.Registered device = f.devices.register(DirectoryWorld.caller(f.manager), meter.getId());
    private final String deviceId = device.device().getId();
    private int messages;

    /** The IoT rule's output for a device's message. */
    private ReadingIngestion.Message mqtt(String payload, String topic, String clientId) {
        String body = app.domus.shared.json.Json.write(Map.of("payload", Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)),
                "topic", topic, "clientId", clientId, "receivedAt", f.clock.millis()));
        return new ReadingIngestion.Message("m" + (++messages), body);
    }

    private ReadingIngestion.Message reading(String device, double value, Instant at) {
        return mqtt("{\"deviceId\":\"" + device + "\",\"value\":" + value + ",\"timestamp\":\"" + at + "\"}",
                DeviceService.readingsTopic(device), device);
    }

    private Map<String, ReadingIngestion.Result> ingest(ReadingIngestion.Message... batch) {
        return f.ingestion.ingest(List.of(batch)).stream().collect(Collectors.toMap(ReadingIngestion.Result::messageId, r -> r));
    }

    private List<ReadingItem> stored() {
        return f.partition(ReadingItem.class, ReadingItem.pk(meter.getId())).stream().filter(r -> !r.getSk().startsWith("DAY#")).toList();
    }

    @Test
    void aBatchIsStoredByTimeWithOneEventPerReading() {
        Instant now = f.clock.instant();
        var results = ingest(reading(deviceId, 10.5, now.minusSeconds(1800)), reading(deviceId, 10.0, now.minusSeconds(2700)),
                reading(deviceId, 11.25, now.minusSeconds(900)));
        assertThat(results.values()).extracting(ReadingIngestion.Result::kind).containsOnly(ReadingIngestion.Kind.STORED);
        assertThat(stored()).extracting(ReadingItem::getValue).containsExactly("10", "10.5", "11.25");
        assertThat(stored()).extracting(ReadingItem::getSource).containsOnly(ReadingItem.DEVICE);
        assertThat(stored()).allSatisfy(r -> assertThat(r.getTtl()).isGreaterThan(now.plus(Duration.ofDays(300)).getEpochSecond()));
        assertThat(f.events.ofType(MeterEvents.READING_RECEIVED)).hasSize(3);
        assertThat(f.events.ofType(MeterEvents.READING_RECEIVED).get(0).payload().path("deviceId").asText()).isEqualTo(deviceId);
    }

    @Test
    void aReadingSentTwiceIsStoredOnceWithOneEventWhetherInOneBatchOrAnother() {
        Instant at = f.clock.instant().minusSeconds(60);
        var first = ingest(reading(deviceId, 7, at), reading(deviceId, 7, at));
        assertThat(first.values()).extracting(ReadingIngestion.Result::kind)
                .containsExactlyInAnyOrder(ReadingIngestion.Kind.STORED, ReadingIngestion.Kind.DUPLICATE);
        var again = ingest(reading(deviceId, 7, at));
        assertThat(again.values()).extracting(ReadingIngestion.Result::kind).containsExactly(ReadingIngestion.Kind.DUPLICATE);
        assertThat(stored()).hasSize(1);
        assertThat(f.events.ofType(MeterEvents.READING_RECEIVED)).hasSize(1);
    }

    @Test
    void aReadingStoredWithoutItsEventGetsTheEventWhenDeliveredAgain() {
        Instant at = f.clock.instant().minusSeconds(60);
        ingest(reading(deviceId, 7, at));
        // As if the process died between the reading's write and its event's.
        var event = f.events.ofType(MeterEvents.READING_RECEIVED).get(0);
        f.table.of(app.domus.shared.events.OutboxItem.class).deleteItem(r -> r.key(k -> k.partitionValue(
                app.domus.shared.events.OutboxItem.pk(meter.getId())).sortValue(app.domus.shared.events.OutboxItem.SK_PREFIX + event.id())));
        assertThat(f.events.ofType(MeterEvents.READING_RECEIVED)).isEmpty();
        var again = ingest(reading(deviceId, 7, at));
        assertThat(again.values()).extracting(ReadingIngestion.Result::kind).containsExactly(ReadingIngestion.Kind.STORED);
        assertThat(f.events.ofType(MeterEvents.READING_RECEIVED)).extracting(e -> e.id()).containsExactly(event.id());
    }

    @Test
    void whatCanNeverBeStoredIsRejectedWithItsReasonAndTheRestOfTheBatchIsStored() {
        Instant at = f.clock.instant().minusSeconds(60);
        var good = reading(deviceId, 3, at);
        var garbage = mqtt("not json at all", DeviceService.readingsTopic(deviceId), deviceId);
        var unknown = reading("dev-unknown", 3, at);
        var otherTopic = mqtt("{\"deviceId\":\"" + deviceId + "\",\"value\":4,\"timestamp\":\"" + at.plusSeconds(1) + "\"}", "meters/dev-x/readings", deviceId);
        var future = reading(deviceId, 5, f.clock.instant().plus(Duration.ofHours(1)));
        var noValue = mqtt("{\"deviceId\":\"" + deviceId + "\",\"timestamp\":\"" + at + "\"}", DeviceService.readingsTopic(deviceId), deviceId);
        var results = ingest(good, garbage, unknown, otherTopic, future, noValue);
        assertThat(results.get(good.id()).kind()).isEqualTo(ReadingIngestion.Kind.STORED);
        assertThat(results.get(garbage.id()).reason()).isEqualTo("the device sent something that is not a JSON object");
        assertThat(results.get(unknown.id()).reason()).isEqualTo("unknown device");
        assertThat(results.get(otherTopic.id()).reason()).isEqualTo("published on a topic that is not the device's own");
        assertThat(results.get(future.id()).reason()).isEqualTo("the timestamp is in the future");
        assertThat(results.get(noValue.id()).reason()).isEqualTo("value is missing or not a number");
        assertThat(stored()).hasSize(1);
    }

    @Test
    void aRevokedDeviceIsRefusedOnceTheDirectoryHasForgottenIt() {
        f.devices.revoke(DirectoryWorld.caller(f.manager), deviceId);
        f.directory.forget();
        var results = ingest(reading(deviceId, 3, f.clock.instant()));
        assertThat(results.values()).extracting(ReadingIngestion.Result::reason).containsExactly("the device is revoked");
    }

    @Test
    void anomaliesAreRecordedOnceWithTheirEventsAndTheReadingFlagged() {
        Instant start = f.clock.instant().minus(Duration.ofHours(10));
        List<ReadingIngestion.Message> steady = new ArrayList<>();
        for (int i = 0; i < 6; i++) steady.add(reading(deviceId, 100 + i, start.plus(Duration.ofHours(i))));
        f.ingestion.ingest(steady);
        var spike = reading(deviceId, 400, start.plus(Duration.ofHours(6)));
        var backwards = reading(deviceId, 90, start.plus(Duration.ofHours(7)));
        ingest(spike, backwards);
        ingest(reading(deviceId, 400, start.plus(Duration.ofHours(6))));

        List<AnomalyItem> anomalies = f.partition(AnomalyItem.class, AnomalyItem.pk(f.building.getId()));
        assertThat(anomalies).extracting(AnomalyItem::getKind).containsExactly("spike", "negative_consumption");
        assertThat(f.events.ofType(MeterEvents.ANOMALY_DETECTED)).hasSize(2);
        assertThat(f.events.ofType(MeterEvents.ANOMALY_DETECTED).get(0).payload().path("buildingId").asText()).isEqualTo(f.building.getId());
        assertThat(stored()).filteredOn(r -> r.getStatus().equals(ReadingItem.FLAGGED)).hasSize(2);
        var flaggedIndex = f.table.allInIndex(ReadingItem.class, app.domus.shared.persistence.TableItem.GSI1, ReadingItem.flaggedIn(f.building.getId()));
        assertThat(flaggedIndex).hasSize(2);
    }
}
