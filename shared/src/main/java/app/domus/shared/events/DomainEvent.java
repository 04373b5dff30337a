package app.domus.shared.events;

import app.domus.shared.ids.Ids;
import app.domus.shared.observability.Observability;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The one envelope of every domain event on the events topic. {@code id} is the idempotency key of
 * every consumer; {@code version} is the payload's schema version; {@code correlationId} ties the
 * event to the request (or the event) that caused it.
 */
public record DomainEvent(String id, String type, int version, Instant occurredAt, String organisationId,
                          String correlationId, JsonNode payload) {

    public static DomainEvent of(String type, String organisationId, JsonNode payload, Instant now) {
        return new DomainEvent(Ids.newId(), type, 1, now, organisationId, Observability.correlationId(), payload);
    }
}
