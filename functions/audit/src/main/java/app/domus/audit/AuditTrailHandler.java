package app.domus.audit;

import app.domus.shared.events.DomainEvent;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import com.fasterxml.jackson.databind.JsonNode;

/** On every audited event (the {@code AuditTrail} entry of the Consumers mapping): appends it to the organisations' chains. */
public class AuditTrailHandler extends EventConsumer<JsonNode> {
    private final AuditTrail trail;

    public AuditTrailHandler() {
        this(AuditComponent.create());
    }

    private AuditTrailHandler(AuditComponent wiring) {
        this(wiring.idempotency(), wiring.trail());
    }

    AuditTrailHandler(IdempotencyStore idempotency, AuditTrail trail) {
        super(JsonNode.class, idempotency, AuditActions.eventTypes());
        this.trail = trail;
    }

    @Override
    protected void handle(DomainEvent envelope, JsonNode payload) {
        trail.record(envelope);
    }

    @Override
    protected void handle(JsonNode payload) {
        throw new UnsupportedOperationException("The audit trail records the whole event, envelope and payload");
    }
}
