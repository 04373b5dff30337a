package app.domus.meters.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.meters.MeterEvents;
import app.domus.meters.MetersFixture;
import app.domus.meters.readings.AnomalyItem;
import app.domus.meters.registry.DeviceService;
import app.domus.meters.registry.MeterItem;
import app.domus.shared.config.Env;
import app.domus.shared.json.Json;
import app.domus.shared.testing.DirectoryWorld;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Devices not heard from: reported once each as a "silent" anomaly, again only after they were heard and fell silent anew. */
class SilentDevicesTest {
    /** A quarter past the hour: the device's "seen" mark is the hour, 09:00. */
    private static final Instant HEARD = Instant.parse("2026-03-02T09:15:00Z");
    private final MetersFixture f = new MetersFixture();
    private final MeterItem meter = f.electricityMeter();
    private final String deviceId = f.devices.register(DirectoryWorld.caller(f.manager), meter.getId()).device().getId();
    private final SilentDevices silent = new SilentDevices(f.table, f.outbox, f.clock);
    private int messages;
    private double value = 10;

    private void heard(String device, Instant at) {
        f.clock.set(at);
        String payload = "{\"deviceId\":\"" + device + "\",\"value\":" + (value += 0.5) + ",\"timestamp\":\"" + at + "\"}";
        String body = Json.write(Map.of("payload", Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)),
                "topic", DeviceService.readingsTopic(device), "clientId", device, "receivedAt", at.toEpochMilli()));
        var results = f.ingestion.ingest(List.of(new ReadingIngestion.Message("m" + (++messages), body)));
        assertThat(results).singleElement().satisfies(r -> assertThat(r.kind()).isEqualTo(ReadingIngestion.Kind.STORED));
    }

    private List<AnomalyItem> anomalies() {
        return f.partition(AnomalyItem.class, AnomalyItem.pk(f.building.getId())).stream().filter(a -> "silent".equals(a.getKind())).toList();
    }

    private int reportAt(Instant now) {
        f.clock.set(now);
        return silent.report();
    }

    @Test
    void aDeviceUnheardForTwoHoursPastItsLastHourIsReportedOnceWithItsEvent() {
        heard(deviceId, HEARD);
        assertThat(reportAt(Instant.parse("2026-03-02T11:00:00Z"))).as("exactly two hours after the hour heard").isZero();
        assertThat(reportAt(Instant.parse("2026-03-02T11:00:01Z"))).isEqualTo(1);
        assertThat(anomalies()).singleElement().satisfies(a -> {
            assertThat(a.getDeviceId()).isEqualTo(deviceId);
            assertThat(a.getMeterId()).isEqualTo(meter.getId());
            assertThat(a.getUnitId()).isEqualTo(f.unit1.getId());
            assertThat(a.getBuildingId()).isEqualTo(f.building.getId());
            assertThat(a.getOrganisationId()).isEqualTo(f.org);
            assertThat(a.getReadAt()).isEqualTo("2026-03-02T09:00:00Z");
            assertThat(a.getDetectedAt()).isEqualTo("2026-03-02T11:00:01Z");
            assertThat(a.getDetail()).contains("2026-03-02T09:00:00Z");
        });
        assertThat(f.events.ofType(MeterEvents.ANOMALY_DETECTED)).filteredOn(e -> "silent".equals(e.payload().path("kind").asText()))
                .singleElement().satisfies(e -> {
                    assertThat(e.payload().path("deviceId").asText()).isEqualTo(deviceId);
                    assertThat(e.payload().path("anomalyId").asText()).isEqualTo(anomalies().getFirst().getId());
                    assertThat(e.payload().path("unitId").asText()).isEqualTo(f.unit1.getId());
                });

        assertThat(reportAt(Instant.parse("2026-03-02T15:00:00Z"))).as("still silent, already reported").isZero();
        assertThat(anomalies()).hasSize(1);
    }

    @Test
    void aDeviceHeardAgainIsNotSilentAndIsReportedAnewOnlyWhenItFallsSilentAgain() {
        heard(deviceId, HEARD);
        assertThat(reportAt(Instant.parse("2026-03-02T12:00:00Z"))).isEqualTo(1);
        heard(deviceId, Instant.parse("2026-03-02T12:30:00Z"));
        assertThat(reportAt(Instant.parse("2026-03-02T13:30:00Z"))).isZero();
        assertThat(reportAt(Instant.parse("2026-03-02T14:30:00Z"))).as("12:00 + 2 h has passed").isEqualTo(1);
        assertThat(anomalies()).extracting(AnomalyItem::getReadAt).containsExactlyInAnyOrder("2026-03-02T09:00:00Z", "2026-03-02T12:00:00Z");
        assertThat(anomalies()).extracting(AnomalyItem::getId).doesNotHaveDuplicates();
    }

    @Test
    void aRevokedDeviceIsPassedOverAndEachSilentDeviceCountsOnce() {
        MeterItem second = f.meters.create(DirectoryWorld.caller(f.manager), new app.domus.meters.registry.MeterRequests.CreateMeter(
                f.unit2.getId(), null, "gas", "G-1", null, "2026-01-01", null, null));
        String secondDevice = f.devices.register(DirectoryWorld.caller(f.manager), second.getId()).device().getId();
        String third = f.devices.register(DirectoryWorld.caller(f.manager), second.getId()).device().getId();
        heard(deviceId, HEARD);
        heard(secondDevice, HEARD.plusSeconds(60));
        heard(third, Instant.parse("2026-03-02T10:05:00Z"));
        f.devices.revoke(DirectoryWorld.caller(f.manager), deviceId);
        assertThat(reportAt(Instant.parse("2026-03-02T11:30:00Z"))).isEqualTo(1);
        assertThat(anomalies()).singleElement().satisfies(a -> {
            assertThat(a.getDeviceId()).isEqualTo(secondDevice);
            assertThat(a.getUnitId()).isEqualTo(f.unit2.getId());
        });
        assertThat(reportAt(Instant.parse("2026-03-02T12:30:00Z"))).as("the third's hour, 10:00, is now two hours past").isEqualTo(1);
        assertThat(anomalies()).extracting(AnomalyItem::getDeviceId).containsExactlyInAnyOrder(secondDevice, third);
    }

    @Test
    void theSilenceAllowedIsSetPerStage() {
        SilentDevices impatient = Env.with(Map.of("SILENT_AFTER_MINUTES", "30"), () -> new SilentDevices(f.table, f.outbox, f.clock));
        heard(deviceId, HEARD);
        f.clock.set(Instant.parse("2026-03-02T09:31:00Z"));
        assertThat(silent.report()).isZero();
        assertThat(impatient.report()).isEqualTo(1);
    }

    @Test
    void aDeviceNeverHeardHasNoMarkAndIsNotReported() {
        f.clock.set(DirectoryWorld.START.plus(Duration.ofDays(2)));
        assertThat(silent.report()).isZero();
        assertThat(anomalies()).isEmpty();
    }
}
