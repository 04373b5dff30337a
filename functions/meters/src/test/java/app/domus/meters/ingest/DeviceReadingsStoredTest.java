package app.domus.meters.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.meters.MeterEvents;
import app.domus.meters.MetersFixture;
import app.domus.meters.readings.AnomalyItem;
import app.domus.meters.readings.DayItem;
import app.domus.meters.readings.DeviceSeenItem;
import app.domus.meters.readings.ReadingChecks;
import app.domus.meters.readings.ReadingItem;
import app.domus.meters.registry.DeviceItem;
import app.domus.meters.registry.DeviceService;
import app.domus.meters.registry.MeterItem;
import app.domus.shared.json.Json;
import app.domus.shared.testing.DirectoryWorld;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a device's reading leaves in the table: the reading itself, its anomalies, the finished day and the hourly mark. */
class DeviceReadingsStoredTest {
    private final MetersFixture f = new MetersFixture();
    private final MeterItem meter = f.electricityMeter();
    private final String deviceId = f.devices.register(DirectoryWorld.caller(f.manager), meter.getId()).device().getId();
    private int messages;

    private ReadingIngestion.Message reading(String value, Instant at) {
        String payload = "{\"deviceId\":\"" + deviceId + "\",\"value\":" + value + ",\"timestamp\":\"" + at + "\"}";
        return new ReadingIngestion.Message("m" + (++messages), Json.write(Map.of(
                "payload", Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)),
                "topic", DeviceService.readingsTopic(deviceId), "clientId", deviceId, "receivedAt", f.clock.millis())));
    }

    private void ingest(ReadingIngestion.Message... batch) {
        assertThat(f.ingestion.ingest(List.of(batch))).allSatisfy(r -> assertThat(r.kind()).isEqualTo(ReadingIngestion.Kind.STORED));
    }

    private ReadingItem stored(Instant at) {
        return f.table.get(ReadingItem.class, ReadingItem.pk(meter.getId()), ReadingItem.sk(at.toEpochMilli())).orElseThrow();
    }

    private List<AnomalyItem> anomalies() {
        return f.partition(AnomalyItem.class, AnomalyItem.pk(f.building.getId()));
    }

    @Test
    void aDevicesReadingIsStoredWithItsMeterPlaceDeviceConsumptionAndExpiry() {
        Instant at = Instant.parse("2026-03-02T08:30:00Z");
        f.clock.set(Instant.parse("2026-03-02T08:31:00Z"));
        ingest(reading("12.25", at));
        ReadingItem r = stored(at);
        assertThat(r.getId()).isEqualTo(ReadingItem.id(meter.getId(), at.toEpochMilli()));
        assertThat(r.getMeterId()).isEqualTo(meter.getId());
        assertThat(r.getOrganisationId()).isEqualTo(f.org);
        assertThat(r.getBuildingId()).isEqualTo(f.building.getId());
        assertThat(r.getUnitId()).isEqualTo(f.unit1.getId());
        assertThat(r.getReadAt()).isEqualTo(at.toString());
        assertThat(r.getValue()).isEqualTo("12.25");
        assertThat(r.getSource()).isEqualTo(ReadingItem.DEVICE);
        assertThat(r.getDeviceId()).isEqualTo(deviceId);
        assertThat(r.getStatus()).isEqualTo(ReadingItem.ACCEPTED);
        assertThat(r.getConsumption()).as("from the meter's start reading, 0").isEqualTo("12.25");
        assertThat(r.getReceivedAt()).isEqualTo("2026-03-02T08:31:00Z");
        assertThat(r.getTtl()).isEqualTo(at.getEpochSecond() + Duration.ofDays(400).toSeconds());
        assertThat(r.getFlags()).isNullOrEmpty();
        assertThat(r.getGsi1pk()).isNull();
        assertThat(f.events.ofType(MeterEvents.READING_RECEIVED)).singleElement()
                .satisfies(e -> assertThat(e.payload().path("readingId").asText()).isEqualTo(r.getId()));
    }

    @Test
    void aBatchIsTakenInTimeOrderWhateverOrderItArrivedIn() {
        Instant earlier = Instant.parse("2026-03-02T07:00:00Z"), later = Instant.parse("2026-03-02T08:00:00Z");
        ingest(reading("20", later), reading("15", earlier));
        assertThat(stored(earlier).getConsumption()).isEqualTo("15");
        assertThat(stored(later).getConsumption()).isEqualTo("5");
        assertThat(stored(later).getStatus()).isEqualTo(ReadingItem.ACCEPTED);
    }

    @Test
    void aSpikeAndARegisterGoingBackAreAnomaliesThatSayWhatHappened() {
        Instant start = Instant.parse("2026-03-01T20:00:00Z");
        List<ReadingIngestion.Message> steady = new ArrayList<>();
        for (int i = 0; i < 6; i++) steady.add(reading(String.valueOf(100 + i), start.plus(Duration.ofHours(i))));
        ingest(steady.toArray(ReadingIngestion.Message[]::new));
        Instant spikeAt = start.plus(Duration.ofHours(6)), backAt = start.plus(Duration.ofHours(7));
        f.clock.set(Instant.parse("2026-03-02T09:10:00Z"));
        ingest(reading("400", spikeAt));
        ingest(reading("90", backAt));

        assertThat(anomalies()).filteredOn(a -> a.getKind().equals(ReadingChecks.SPIKE)).singleElement().satisfies(a -> {
            assertThat(a.getDetail()).isEqualTo("consumption 295 is far above the meter's usual 1.000 per hour");
            assertThat(a.getValue()).isEqualTo("400");
            assertThat(a.getReadAt()).isEqualTo(spikeAt.toString());
        });
        assertThat(anomalies()).filteredOn(a -> a.getKind().equals("negative_consumption")).singleElement().satisfies(a -> {
            assertThat(a.getDetail()).isEqualTo("the register went back from 105 to 90");
            assertThat(a.getMeterId()).isEqualTo(meter.getId());
            assertThat(a.getDeviceId()).isEqualTo(deviceId);
            assertThat(a.getUnitId()).isEqualTo(f.unit1.getId());
            assertThat(a.getBuildingId()).isEqualTo(f.building.getId());
            assertThat(a.getOrganisationId()).isEqualTo(f.org);
            assertThat(a.getValue()).isEqualTo("90");
            assertThat(a.getReadAt()).isEqualTo(backAt.toString());
            assertThat(a.getDetectedAt()).isEqualTo("2026-03-02T09:10:00Z");
            assertThat(a.getId()).isNotBlank();
        });
        ReadingItem back = stored(backAt);
        assertThat(back.getStatus()).isEqualTo(ReadingItem.FLAGGED);
        assertThat(back.getFlags()).containsExactly(ReadingChecks.BELOW_PREVIOUS);
        assertThat(back.getGsi1pk()).isEqualTo(ReadingItem.flaggedIn(f.building.getId()));
        assertThat(back.getGsi1sk()).isEqualTo(ReadingItem.sk(backAt.toEpochMilli()) + "#" + meter.getId());
        assertThat(f.events.ofType(MeterEvents.ANOMALY_DETECTED)).filteredOn(e -> e.payload().path("kind").asText().equals("negative_consumption"))
                .singleElement().satisfies(e -> {
                    assertThat(e.payload().path("detail").asText()).isEqualTo("the register went back from 105 to 90");
                    assertThat(e.payload().path("deviceId").asText()).isEqualTo(deviceId);
                    assertThat(e.payload().path("unitId").asText()).isEqualTo(f.unit1.getId());
                    assertThat(e.payload().path("value").asText()).isEqualTo("90");
                    assertThat(e.payload().path("readAt").asText()).isEqualTo(backAt.toString());
                    assertThat(e.payload().path("anomalyId").asText()).isIn(anomalies().stream().map(AnomalyItem::getId).toList());
                });
    }

    @Test
    void aRegisterStuckForADayIsReportedOnce() {
        Instant start = Instant.parse("2026-03-01T08:00:00Z");
        List<ReadingIngestion.Message> day = new ArrayList<>();
        day.add(reading("50", start));
        for (int i = 1; i <= ReadingChecks.STUCK_AFTER + 2; i++) day.add(reading("50", start.plus(Duration.ofMinutes(15L * i))));
        ingest(day.toArray(ReadingIngestion.Message[]::new));
        assertThat(anomalies()).filteredOn(a -> a.getKind().equals(ReadingChecks.STUCK)).singleElement()
                .satisfies(a -> assertThat(a.getDetail()).isEqualTo("the register has shown 50 for 96 readings"))
                .satisfies(a -> assertThat(a.getReadAt()).isEqualTo(start.plus(Duration.ofMinutes(15L * ReadingChecks.STUCK_AFTER)).toString()));
    }

    @Test
    void theFirstReadingOfANewDayClosesThePreviousDay() {
        ingest(reading("10", Instant.parse("2026-03-01T22:00:00Z")), reading("12", Instant.parse("2026-03-01T23:00:00Z")));
        assertThat(f.table.get(DayItem.class, ReadingItem.pk(meter.getId()), DayItem.sk("2026-03-01"))).isEmpty();
        ingest(reading("15", Instant.parse("2026-03-02T01:00:00Z")));
        DayItem day = f.table.get(DayItem.class, ReadingItem.pk(meter.getId()), DayItem.sk("2026-03-01")).orElseThrow();
        assertThat(day.getMeterId()).isEqualTo(meter.getId());
        assertThat(day.getDate()).isEqualTo("2026-03-01");
        assertThat(day.getFirstValue()).as("the day runs from the reading before it: the start").isEqualTo("0");
        assertThat(day.getLastValue()).isEqualTo("12");
        assertThat(day.getConsumption()).isEqualTo("12");
    }

    @Test
    void theDevicesMarkIsItsLatestHourHeardAndALateReadingDoesNotMoveIt() {
        ingest(reading("10", Instant.parse("2026-03-02T07:15:00Z")));
        assertThat(seenHour()).isEqualTo(Instant.parse("2026-03-02T07:00:00Z"));
        ingest(reading("11", Instant.parse("2026-03-02T07:59:59Z")));
        assertThat(seenHour()).isEqualTo(Instant.parse("2026-03-02T07:00:00Z"));
        ingest(reading("12", Instant.parse("2026-03-02T08:00:00Z")));
        assertThat(seenHour()).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
        ingest(reading("9", Instant.parse("2026-03-02T06:10:00Z")));
        assertThat(seenHour()).as("a late reading").isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
        DeviceSeenItem seen = f.table.get(DeviceSeenItem.class, DeviceItem.pk(deviceId), "SEEN").orElseThrow();
        assertThat(seen.getMeterId()).isEqualTo(meter.getId());
        assertThat(seen.getBuildingId()).isEqualTo(f.building.getId());
        assertThat(seen.getGsi2pk()).isEqualTo(DeviceItem.seenShard(deviceId));
    }

    private Instant seenHour() {
        return Instant.ofEpochMilli(f.table.get(DeviceSeenItem.class, DeviceItem.pk(deviceId), "SEEN").orElseThrow().getHourMs());
    }
}
