package app.domus.meters;

import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;

/** On {@code MeterReadingFlagged} and {@code MeterAnomalyDetected}: the building's managers are told ({@link MeterNotices}). */
public class MeterNoticesHandler extends EventConsumer<MeterNotices.Notice> {
    private final MeterNotices notices;

    public MeterNoticesHandler() {
        this(MetersComponent.create());
    }

    private MeterNoticesHandler(MetersComponent wiring) {
        this(wiring.idempotency(), wiring.notices());
    }

    MeterNoticesHandler(IdempotencyStore idempotency, MeterNotices notices) {
        super(MeterNotices.Notice.class, idempotency, MeterEvents.READING_FLAGGED, MeterEvents.ANOMALY_DETECTED);
        this.notices = notices;
    }

    @Override
    protected void handle(MeterNotices.Notice notice) {
        notices.tellManagers(notice);
    }
}
