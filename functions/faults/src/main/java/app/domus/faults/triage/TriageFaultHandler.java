package app.domus.faults.triage;

import app.domus.faults.FaultEvents;
import app.domus.faults.FaultsComponent;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import java.time.Duration;

/** On {@code FaultReported}: analysis, automatic assignment and the managers' notice ({@link Triage}). */
public class TriageFaultHandler extends EventConsumer {
    private final IdempotencyStore idempotency;
    private final Triage triage;

    public TriageFaultHandler() {
        this(FaultsComponent.create());
    }

    private TriageFaultHandler(FaultsComponent wiring) {
        this(wiring.idempotency(), wiring.triage());
    }

    TriageFaultHandler(IdempotencyStore idempotency, Triage triage) {
        this.idempotency = idempotency;
        this.triage = triage;
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }

    /** The function's timeout: a model call may take most of it. */
    @Override
    protected Duration inProgressWindow() {
        return Duration.ofSeconds(60);
    }

    @Override
    protected void handle(DomainEvent event) {
        if (!FaultEvents.REPORTED.equals(event.type())) return;
        triage.triage(event.payload().path("faultId").asText());
    }
}
