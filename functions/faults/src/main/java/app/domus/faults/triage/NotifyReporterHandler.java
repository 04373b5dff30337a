package app.domus.faults.triage;

import app.domus.faults.FaultEvents;
import app.domus.faults.FaultsComponent;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;

/** On {@code FaultResolved}: the reporter hears how their fault was resolved. */
public class NotifyReporterHandler extends EventConsumer<FaultEvents.FaultResolved> {
    private final FaultNotices notices;

    public NotifyReporterHandler() {
        this(FaultsComponent.create());
    }

    private NotifyReporterHandler(FaultsComponent wiring) {
        this(wiring.idempotency(), wiring.notices());
    }

    NotifyReporterHandler(IdempotencyStore idempotency, FaultNotices notices) {
        super(FaultEvents.FaultResolved.class, idempotency, FaultEvents.RESOLVED);
        this.notices = notices;
    }

    @Override
    protected void handle(FaultEvents.FaultResolved event) {
        notices.resolved(event);
    }
}
