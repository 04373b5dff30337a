package app.domus.faults.triage;

import app.domus.faults.FaultEvents;
import app.domus.faults.FaultsComponent;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.json.Json;

/** On {@code FaultResolved}: the reporter hears how their fault was resolved. */
public class NotifyReporterHandler extends EventConsumer {
    private final IdempotencyStore idempotency;
    private final FaultNotices notices;

    public NotifyReporterHandler() {
        this(FaultsComponent.create());
    }

    private NotifyReporterHandler(FaultsComponent wiring) {
        this(wiring.idempotency(), wiring.notices());
    }

    NotifyReporterHandler(IdempotencyStore idempotency, FaultNotices notices) {
        this.idempotency = idempotency;
        this.notices = notices;
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override
    protected void handle(DomainEvent event) {
        if (!FaultEvents.RESOLVED.equals(event.type())) return;
        notices.resolved(Json.MAPPER.convertValue(event.payload(), FaultEvents.FaultResolved.class));
    }
}
