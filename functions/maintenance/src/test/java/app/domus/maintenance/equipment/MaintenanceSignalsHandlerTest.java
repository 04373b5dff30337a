package app.domus.maintenance.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.maintenance.MaintenanceFixture;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.json.Json;
import app.domus.shared.testing.SqsEvents;
import app.domus.shared.testing.TestContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code FaultReported} and {@code MeterAnomalyDetected} into the context's own history of a building. */
class MaintenanceSignalsHandlerTest {
    final MaintenanceFixture f = new MaintenanceFixture();
    final MaintenanceSignalsHandler handler = new MaintenanceSignalsHandler(f.idempotency, f.signals, f.clock);

    DomainEvent event(String id, String type, Map<String, Object> payload) {
        return new DomainEvent(id, type, 1, f.clock.instant(), f.org, "corr-" + id, Json.MAPPER.valueToTree(payload));
    }

    @Test
    void aFaultIsDatedOnArrivalAndAnAnomalyByItsReadingOrOnArrivalWithoutOne() {
        String b = f.building.getId();
        var response = handler.handleRequest(SqsEvents.batch(
                event("e1", "FaultReported", Map.of("faultId", "f1", "buildingId", b, "category", "heating")),
                event("e2", "MeterAnomalyDetected", Map.of("anomalyId", "a1", "buildingId", b, "kind", "spike", "readAt", "2026-02-20T06:00:00Z")),
                event("e3", "MeterAnomalyDetected", Map.of("anomalyId", "a2", "buildingId", b, "kind", "stuck"))), new TestContext());
        assertThat(SqsEvents.failed(response)).isEmpty();
        List<SignalItem> signals = f.signals.of(b);
        assertThat(signals).extracting(SignalItem::getSourceId).containsExactly("f1", "a1", "a2");
        assertThat(signals).extracting(SignalItem::getKind).containsExactly(SignalItem.FAULT, SignalItem.ANOMALY, SignalItem.ANOMALY);
        assertThat(signals).extracting(SignalItem::getCategory).containsExactly("heating", "spike", "stuck");
        assertThat(signals).extracting(SignalItem::getOccurredAt)
                .containsExactly(f.clock.instant().toString(), "2026-02-20T06:00:00Z", f.clock.instant().toString());
    }

    @Test
    void aSignalWithoutABuildingOrASourceIsPassedOverAndARedeliveryChangesNothing() {
        String b = f.building.getId();
        DomainEvent fault = event("e1", "FaultReported", Map.of("faultId", "f1", "buildingId", b, "category", "heating"));
        handler.handleRequest(SqsEvents.batch(fault,
                event("e2", "FaultReported", Map.of("faultId", "f2", "category", "heating")),
                event("e3", "FaultReported", Map.of("buildingId", b, "category", "heating")),
                event("e4", "MeterAnomalyDetected", Map.of("anomalyId", "a1", "kind", "spike"))), new TestContext());
        assertThat(f.signals.of(b)).extracting(SignalItem::getSourceId).containsExactly("f1");

        f.clock.advance(Duration.ofHours(2));
        var again = handler.handleRequest(SqsEvents.batch(fault), new TestContext());
        assertThat(SqsEvents.failed(again)).isEmpty();
        assertThat(f.signals.of(b)).singleElement().satisfies(s -> assertThat(s.getOccurredAt()).isEqualTo(f.clock.instant().minus(Duration.ofHours(2)).toString()));
    }
}
