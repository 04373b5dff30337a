package app.domus.faults.triage;

import app.domus.faults.FaultEvents;
import app.domus.faults.FaultsComponent;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.json.Json;

/** On {@code FaultAssigned}: a notice (push, or as the technician prefers) to the technician. */
public class NotifyAssigneeHandler extends EventConsumer {
    private final IdempotencyStore idempotency;
    private final FaultNotices notices;

    public NotifyAssigneeHandler() {
        this(FaultsComponent.create());
    }

    private NotifyAssigneeHandler(FaultsComponent wiring) {
        this(wiring.idempotency(), wiring.notices());
    }

    NotifyAssigneeHandler(IdempotencyStore idempotency, FaultNotices notices) {
        this.idempotency = idempotency;
        this.notices = notices;
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override
    protected void handle(DomainEvent event) {
        if (!FaultEvents.ASSIGNED.equals(event.type())) return;
        notices.assigned(Json.MAPPER.convertValue(event.payload(), FaultEvents.FaultAssigned.class));
    }
}
