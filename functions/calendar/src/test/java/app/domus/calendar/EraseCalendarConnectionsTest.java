package app.domus.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.calendar.connect.ConnectionErasure;
import app.domus.calendar.connect.ConnectionItem;
import app.domus.calendar.connect.Connections;
import app.domus.calendar.connect.EraseCalendarConnectionsHandler;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.json.Json;
import app.domus.shared.testing.SqsEvents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** On AccountDeleted: the grant revoked at the provider, then the connection and its links erased; nobody else's. */
class EraseCalendarConnectionsTest {
    private final CalendarFixture f = new CalendarFixture();
    private final EraseCalendarConnectionsHandler consumer =
            new EraseCalendarConnectionsHandler(f.idempotency, new ConnectionErasure(f.connections, f.table));

    private static DomainEvent accountDeleted(String userId) {
        return new DomainEvent("01EVENT0000000000000" + userId.substring(userId.length() - 6), EraseCalendarConnectionsHandler.TYPE, 1,
                Instant.parse("2026-12-02T05:00:00Z"), null, "test", Json.MAPPER.valueToTree(Map.of("userId", userId,
                "deletedAt", "2026-12-02T05:00:00Z", "organisationIds", List.of())));
    }

    private int itemsOf(String connectionId) {
        return app.domus.shared.testing.LocalDynamo.client().query(b -> b.tableName(f.config.tableName())
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(ConnectionItem.pk(connectionId))))).count();
    }

    @Test
    void theGrantIsRevokedAtTheProviderThenTheConnectionAndItsLinksAreErasedOnce() {
        f.connect(f.olga);
        f.connect(f.mia);
        String olgas = Connections.connectionId(f.olga, "google");
        f.links.put(olgas, "01EVENT", "google-event-1", "etag-1", 1);
        assertThat(itemsOf(olgas)).isEqualTo(3);

        assertThat(SqsEvents.failed(consumer.handleRequest(SqsEvents.batch(accountDeleted(f.olga)), null))).isEmpty();

        // Her grant's refresh token (the fake hands out "refresh-1" to each consent) is revoked; Mia's connection stays.
        assertThat(f.google.revoked).containsExactly("refresh-1");
        assertThat(itemsOf(olgas)).isZero();
        assertThat(f.connections.connectionsOf(f.olga)).isEmpty();
        assertThat(f.connections.connectionsOf(f.mia)).hasSize(1);

        assertThat(SqsEvents.failed(consumer.handleRequest(SqsEvents.batch(accountDeleted(f.olga)), null))).isEmpty();
        assertThat(f.google.calls("revoke")).isEqualTo(1);
    }

    @Test
    void aProviderThatDoesNotAnswerLeavesTheConnectionForTheRetry() {
        f.connect(f.olga);
        f.google.revocationUnavailable = true;
        DomainEvent deleted = accountDeleted(f.olga);

        assertThat(SqsEvents.failed(consumer.handleRequest(SqsEvents.batch(deleted), null))).containsExactly("m0");
        assertThat(f.connections.connectionsOf(f.olga)).singleElement()
                .satisfies(c -> assertThat(c.getTokens()).as("the tokens the retry revokes with").isNotNull());

        f.google.revocationUnavailable = false;
        assertThat(SqsEvents.failed(consumer.handleRequest(SqsEvents.batch(deleted), null))).isEmpty();
        assertThat(f.google.revoked).containsExactly("refresh-1");
        assertThat(f.connections.connectionsOf(f.olga)).isEmpty();
    }
}
