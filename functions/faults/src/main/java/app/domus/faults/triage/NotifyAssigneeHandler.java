package app.domus.faults.triage;

import app.domus.faults.FaultEvents;
import app.domus.faults.FaultsComponent;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;

/** On {@code FaultAssigned}: a notice (push, or as the technician prefers) to the technician. */
public class NotifyAssigneeHandler extends EventConsumer<FaultEvents.FaultAssigned> {
    private final FaultNotices notices;

    public NotifyAssigneeHandler() {
        this(FaultsComponent.create());
    }

    private NotifyAssigneeHandler(FaultsComponent wiring) {
        this(wiring.idempotency(), wiring.notices());
    }

    NotifyAssigneeHandler(IdempotencyStore idempotency, FaultNotices notices) {
        super(FaultEvents.FaultAssigned.class, idempotency, FaultEvents.ASSIGNED);
        this.notices = notices;
    }

    @Override
    protected void handle(FaultEvents.FaultAssigned event) {
        notices.assigned(event);
    }
}
