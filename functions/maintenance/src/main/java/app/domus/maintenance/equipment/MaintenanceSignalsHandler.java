package app.domus.maintenance.equipment;

import app.domus.maintenance.MaintenanceComponent;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import java.time.Clock;
import java.time.Instant;

/**
 * The context's projection of other contexts' events: {@code FaultReported} (a fault of a category in a building) and
 * {@code MeterAnomalyDetected} (an anomaly of a building's meter), kept as the prediction's history.
 */
public class MaintenanceSignalsHandler extends EventConsumer<MaintenanceSignalsHandler.Signal> {
    static final String FAULT_REPORTED = "FaultReported";
    static final String ANOMALY_DETECTED = "MeterAnomalyDetected";

    private final Signals signals;
    private final Clock clock;

    public MaintenanceSignalsHandler() {
        this(MaintenanceComponent.create());
    }

    private MaintenanceSignalsHandler(MaintenanceComponent wiring) {
        this(wiring.idempotency(), wiring.signals(), Clock.systemUTC());
    }

    MaintenanceSignalsHandler(IdempotencyStore idempotency, Signals signals, Clock clock) {
        super(Signal.class, idempotency, FAULT_REPORTED, ANOMALY_DETECTED);
        this.signals = signals;
        this.clock = clock;
    }

    /**
     * What this context reads of the faults context's {@code FaultReported} and the meters context's
     * {@code MeterAnomalyDetected} payloads (the published contracts, see events/): an anomaly is the one with an
     * {@code anomalyId}. A fault is dated when it arrives (its payload carries no time).
     */
    public record Signal(String faultId, String anomalyId, String buildingId, String category, String kind, String readAt) {}

    @Override
    protected void handle(Signal event) {
        if (event.buildingId() == null) return;
        if (event.anomalyId() != null) {
            signals.anomaly(event.buildingId(), event.anomalyId(), event.kind(), event.readAt() == null ? clock.instant() : Instant.parse(event.readAt()));
        } else if (event.faultId() != null) {
            signals.fault(event.buildingId(), event.faultId(), event.category(), clock.instant());
        }
    }
}
