package app.domus.faults.triage;

import app.domus.faults.FaultEvents;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;

/** On {@code FaultReported}: analysis, automatic assignment and the managers' notice ({@link Triage}). */
public class TriageFaultHandler extends EventConsumer<FaultEvents.FaultReported> {
    private final Triage triage;

    public TriageFaultHandler() {
        this(TriageComponent.create());
    }

    private TriageFaultHandler(TriageComponent wiring) {
        this(wiring.idempotency(), wiring.triage());
    }

    TriageFaultHandler(IdempotencyStore idempotency, Triage triage) {
        super(FaultEvents.FaultReported.class, idempotency, FaultEvents.REPORTED);
        this.triage = triage;
    }

    @Override
    protected void handle(FaultEvents.FaultReported event) {
        triage.triage(event.faultId());
    }
}
