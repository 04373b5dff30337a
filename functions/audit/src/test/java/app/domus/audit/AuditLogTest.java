package app.domus.audit;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.events.DomainEvent;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.SqsEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The audit chains in DynamoDB Local: appends, races, redeliveries, the two routes and who may read them. */
class AuditLogTest {
    private final AuditFixture fx = new AuditFixture();

    private JsonNode page(String caller, String organisationId, Map<String, String> query) {
        HttpEvents request = HttpEvents.request("GET", "/organisations/" + organisationId + "/audit-log")
                .pathParam("organisationId", organisationId).as(caller);
        query.forEach(request::query);
        var response = call(fx.list, request);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }

    private JsonNode verification(String caller, String organisationId) {
        var response = call(fx.verify, HttpEvents.request("GET", "/organisations/" + organisationId + "/audit-log/verification")
                .pathParam("organisationId", organisationId).as(caller));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }

    /**
     * After each of fx.log's reads of the head, a rival appends the event {@code rivalEvent} names for that attempt
     * (none where it names null); returns the count of attempts.
     */
    private AtomicInteger racedBy(java.util.function.IntFunction<DomainEvent> rivalEvent) {
        AuditLog rival = new AuditLog(fx.table, fx.clock);
        AtomicInteger attempts = new AtomicInteger();
        fx.log.afterHeadRead(() -> {
            DomainEvent theirs = rivalEvent.apply(attempts.incrementAndGet());
            if (theirs != null) rival.append(AuditActions.draft(theirs, fx.orgA));
        });
        return attempts;
    }

    private static List<String> actions(JsonNode page) {
        List<String> actions = new ArrayList<>();
        page.path("items").forEach(e -> actions.add(e.path("action").asText() + "/" + e.path("outcome").asText()));
        return actions;
    }

    @Test
    void eventsAppendInOrderAndTheAdminReadsThemNewestFirstWithAValidChain() {
        fx.trail.record(fx.signIn(fx.manager, "success", fx.orgA));
        fx.clock.advance(Duration.ofSeconds(1));
        fx.trail.record(fx.signIn(fx.manager, "failure", fx.orgA));
        fx.clock.advance(Duration.ofSeconds(1));
        fx.trail.record(fx.event("DelegationCreated", fx.orgA, Map.of("delegationId", "d-1", "ownerId", fx.tenant,
                "delegateId", fx.outsider, "unitId", "u-1", "rights", List.of("vote"), "status", "pending")));

        JsonNode page = page(fx.adminA, fx.orgA, Map.of());
        assertThat(actions(page)).containsExactly("delegation.created/success", "auth.sign_in/failure", "auth.sign_in/success");
        JsonNode newest = page.path("items").get(0);
        assertThat(newest.path("sequence").asLong()).isEqualTo(3);
        assertThat(newest.path("actorId").asText()).isEqualTo(fx.tenant);
        assertThat(newest.path("targetId").asText()).isEqualTo("d-1");
        assertThat(newest.path("previousHash").asText()).isEqualTo(page.path("items").get(1).path("hash").asText());
        JsonNode failed = page.path("items").get(1);
        assertThat(failed.path("sourceIp").asText()).isEqualTo("203.0.113.7");
        assertThat(failed.path("details").path("reason").asText()).isEqualTo("wrong_password");
        assertThat(verification(fx.adminA, fx.orgA).toString()).isEqualTo("{\"valid\":true,\"entries\":3,\"firstBrokenSequence\":null}");
        assertThat(verification(fx.adminB, fx.orgB).path("entries").asLong()).as("the other organisation's chain").isZero();
    }

    @Test
    void anAppendThatLosesTheRaceForTheHeadReadsItAgainAndTakesTheNextSequence() {
        DomainEvent theirs = fx.signIn(fx.manager, "success", fx.orgA);
        // Between this append's read of the head and its write, another append takes the sequence it read.
        AtomicInteger attempts = racedBy(attempt -> attempt == 1 ? theirs : null);
        AuditLog.Appended mine = fx.log.append(AuditActions.draft(fx.signIn(fx.tenant, "failure", fx.orgA), fx.orgA));

        assertThat(attempts).hasValue(2);
        assertThat(mine).isEqualTo(new AuditLog.Appended(2, true));
        JsonNode page = page(fx.adminA, fx.orgA, Map.of());
        assertThat(page.path("items")).extracting(e -> e.path("actorId").asText()).containsExactly(fx.tenant, fx.manager);
        assertThat(verification(fx.adminA, fx.orgA).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aRedeliveredEventIsNotAppendedTwiceEvenWhenTheIdempotencyStoreHasForgottenIt() {
        DomainEvent event = fx.signIn(fx.manager, "success", fx.orgA);
        var first = fx.consumer.handleRequest(SqsEvents.batch(event), null);
        assertThat(page(fx.adminA, fx.orgA, Map.of()).path("items")).as("the consumer appended it").hasSize(1);
        var again = fx.consumer.handleRequest(SqsEvents.batch(event), null);
        assertThat(SqsEvents.failed(first)).isEmpty();
        assertThat(SqsEvents.failed(again)).isEmpty();
        // A consumer with a fresh idempotency record (expired, or another function) relies on the chain's event marker.
        fx.trail.record(event);
        assertThat(fx.log.append(AuditActions.draft(event, fx.orgA))).isEqualTo(new AuditLog.Appended(1, false));
        assertThat(page(fx.adminA, fx.orgA, Map.of()).path("items")).hasSize(1);
        assertThat(verification(fx.adminA, fx.orgA).path("entries").asLong()).isEqualTo(1);
    }

    @Test
    void aPersonsEventGoesToEachOfTheirOrganisationsAndOneWithoutOrganisationsToNone() {
        fx.trail.record(fx.signIn(fx.manager, "success", fx.orgA, fx.orgB));
        fx.trail.record(fx.signIn(fx.outsider, "success"));
        assertThat(page(fx.adminA, fx.orgA, Map.of()).path("items")).hasSize(1);
        assertThat(page(fx.adminB, fx.orgB, Map.of()).path("items")).hasSize(1);
        assertThat(fx.table.all(AuditEntryItem.class, AuditEntryItem.pk(fx.orgA), AuditEntryItem.SK_PREFIX)).hasSize(1);
    }

    @Test
    void anAccountDeletedThroughTheQueueIsAnEntryInEachOfTheOrganisationsChainsUnderThePseudonym() {
        // As privacy writes it: no organisation in the envelope, the person's organisations in the payload.
        DomainEvent deleted = fx.event("AccountDeleted", null, Map.of("userId", fx.manager,
                "deletedAt", "2026-12-01T09:00:00Z", "organisationIds", java.util.List.of(fx.orgA, fx.orgB)));
        assertThat(SqsEvents.failed(fx.consumer.handleRequest(SqsEvents.batch(deleted), null))).isEmpty();
        for (var admin : Map.of(fx.adminA, fx.orgA, fx.adminB, fx.orgB).entrySet()) {
            assertThat(page(admin.getKey(), admin.getValue(), Map.of()).path("items")).singleElement().satisfies(entry -> {
                assertThat(entry.path("action").asText()).isEqualTo("privacy.account_deleted");
                assertThat(entry.path("actorId").asText()).isEqualTo(fx.manager);
                assertThat(entry.path("targetId").asText()).isEqualTo(fx.manager);
            });
            assertThat(verification(admin.getKey(), admin.getValue()).path("valid").asBoolean()).isTrue();
        }
    }

    @Test
    void anEntryEditedInTheTableIsReportedByTheVerification() {
        for (int i = 0; i < 4; i++) fx.trail.record(fx.signIn(fx.manager, i % 2 == 0 ? "success" : "failure", fx.orgA));
        LocalDynamo.client().updateItem(b -> b.tableName(fx.table.name())
                .key(Map.of("pk", AttributeValue.fromS(AuditEntryItem.pk(fx.orgA)), "sk", AttributeValue.fromS(AuditEntryItem.sk(3))))
                .updateExpression("SET outcome = :o").expressionAttributeValues(Map.of(":o", AttributeValue.fromS("failure"))));
        assertThat(verification(fx.adminA, fx.orgA).toString()).isEqualTo("{\"valid\":false,\"entries\":4,\"firstBrokenSequence\":3}");

        LocalDynamo.client().deleteItem(b -> b.tableName(fx.table.name())
                .key(Map.of("pk", AttributeValue.fromS(AuditEntryItem.pk(fx.orgA)), "sk", AttributeValue.fromS(AuditEntryItem.sk(2)))));
        assertThat(verification(fx.adminA, fx.orgA).path("firstBrokenSequence").asLong()).isEqualTo(2);
    }

    @Test
    void onlyTheOrganisationsAdminsReadItsLogOrVerifyIt() {
        fx.trail.record(fx.signIn(fx.manager, "success", fx.orgA));
        for (String refused : List.of(fx.manager, fx.tenant)) {
            assertProblem(call(fx.list, HttpEvents.request("GET", "/organisations/" + fx.orgA + "/audit-log")
                    .pathParam("organisationId", fx.orgA).as(refused)), 403, "forbidden");
            assertProblem(call(fx.verify, HttpEvents.request("GET", "/organisations/" + fx.orgA + "/audit-log/verification")
                    .pathParam("organisationId", fx.orgA).as(refused)), 403, "forbidden");
        }
        for (String stranger : List.of(fx.adminB, fx.outsider)) {
            assertProblem(call(fx.list, HttpEvents.request("GET", "/organisations/" + fx.orgA + "/audit-log")
                    .pathParam("organisationId", fx.orgA).as(stranger)), 404, "not-found");
            assertProblem(call(fx.verify, HttpEvents.request("GET", "/organisations/" + fx.orgA + "/audit-log/verification")
                    .pathParam("organisationId", fx.orgA).as(stranger)), 404, "not-found");
        }
    }

    @Test
    void theListFiltersByActionActorAndTimeAndPagesWithACursor() {
        fx.trail.record(fx.signIn(fx.manager, "success", fx.orgA));
        fx.clock.advance(Duration.ofMinutes(1));
        fx.trail.record(fx.signIn(fx.tenant, "failure", fx.orgA));
        fx.clock.advance(Duration.ofMinutes(1));
        String third = fx.clock.instant().toString();
        fx.trail.record(fx.event("PaymentReceived", fx.orgA, Map.of("paymentId", "p-1", "invoiceId", "i-1", "payerId", fx.tenant,
                "amount", 12500, "currency", "EUR")));

        assertThat(actions(page(fx.adminA, fx.orgA, Map.of("action", "auth.sign_in")))).containsExactly("auth.sign_in/failure", "auth.sign_in/success");
        assertThat(actions(page(fx.adminA, fx.orgA, Map.of("actor", fx.tenant)))).containsExactly("payment.received/success", "auth.sign_in/failure");
        assertThat(actions(page(fx.adminA, fx.orgA, Map.of("from", third)))).containsExactly("payment.received/success");
        assertThat(actions(page(fx.adminA, fx.orgA, Map.of("to", fx.clock.instant().minusSeconds(61).toString())))).containsExactly("auth.sign_in/success");

        JsonNode first = page(fx.adminA, fx.orgA, Map.of("limit", "2"));
        assertThat(first.path("items")).hasSize(2);
        JsonNode rest = page(fx.adminA, fx.orgA, Map.of("limit", "2", "cursor", first.path("nextCursor").asText()));
        assertThat(actions(rest)).containsExactly("auth.sign_in/success");
        assertThat(first.path("items").get(0).path("details").path("amount").asText()).isEqualTo("12500");

        for (var bad : List.of(Map.of("action", "everything"), Map.of("from", "yesterday"), Map.of("actor", "a b"))) {
            HttpEvents request = HttpEvents.request("GET", "/organisations/" + fx.orgA + "/audit-log")
                    .pathParam("organisationId", fx.orgA).as(fx.adminA);
            bad.forEach(request::query);
            assertProblem(call(fx.list, request), 400, "validation-error");
        }
    }

    @Test
    void onlyTheNamedFieldsOfAnEventReachTheLog() {
        fx.trail.record(fx.event("InvitationCreated", fx.orgA, Map.of("organisationId", fx.orgA, "code", "SECRET-CODE-123",
                "role", "tenant", "email", "new.tenant@example.test", "createdBy", fx.adminA, "expiresAt", "2026-12-08T09:00:00Z")));
        var entry = fx.table.all(AuditEntryItem.class, AuditEntryItem.pk(fx.orgA), AuditEntryItem.SK_PREFIX).getFirst();
        assertThat(entry.getAction()).isEqualTo("membership.invited");
        assertThat(entry.getActorId()).isEqualTo(fx.adminA);
        assertThat(AuditChain.canonical(entry)).doesNotContain("SECRET-CODE-123").doesNotContain("new.tenant@example.test")
                .contains("tenant");
    }

    @Test
    void aMessageThatIsNoEventFailsIntoTheDeadLetterQueue() {
        var response = fx.consumer.handleRequest(SqsEvents.batch("not json"), null);
        assertThat(SqsEvents.failed(response)).containsExactly("m0");
    }

    @Test
    void anEntryKeepsEveryFieldOfItsDraftAndTheHeadNamesItsOrganisationAndTime() {
        fx.clock.advance(Duration.ofSeconds(5));
        DomainEvent event = fx.signIn(fx.manager, "failure", fx.orgA);
        fx.trail.record(event);

        var entry = fx.table.all(AuditEntryItem.class, AuditEntryItem.pk(fx.orgA), AuditEntryItem.SK_PREFIX).getFirst();
        assertThat(entry.getOrganisationId()).isEqualTo(fx.orgA);
        assertThat(entry.getTargetType()).isEqualTo("user");
        assertThat(entry.getTargetId()).isEqualTo(fx.manager);
        assertThat(entry.getUserAgent()).isEqualTo("test-agent");
        assertThat(entry.getEventId()).isEqualTo(event.id());
        assertThat(entry.getEventType()).isEqualTo("SignInFailed");
        assertThat(entry.getRecordedAt()).isEqualTo("2026-12-01T09:00:05.000Z");
        assertThat(entry.getPreviousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(entry.getHash()).isEqualTo(AuditChain.hash(entry));

        var head = fx.table.get(AuditHeadItem.class, AuditEntryItem.pk(fx.orgA), AuditHeadItem.SK).orElseThrow();
        assertThat(head.getOrganisationId()).isEqualTo(fx.orgA);
        assertThat(head.getUpdatedAt()).isEqualTo(entry.getRecordedAt());
        assertThat(head.getSequence()).isEqualTo(1);
        assertThat(head.getHash()).isEqualTo(entry.getHash());
    }

    @Test
    void anEventWithoutATargetFieldHasNoTargetIdAndALongUserAgentIsCutAt200Characters() {
        String exactly200 = "a".repeat(200);
        fx.trail.record(fx.event("InvitationCreated", fx.orgA, Map.of("createdBy", fx.adminA, "role", "tenant",
                "userAgent", exactly200)));
        fx.clock.advance(Duration.ofSeconds(1));
        fx.trail.record(fx.event("OwnershipRecorded", fx.orgA, Map.of("unitId", "u-1", "ownerId", fx.tenant,
                "userAgent", "b".repeat(250))));

        var entries = fx.table.all(AuditEntryItem.class, AuditEntryItem.pk(fx.orgA), AuditEntryItem.SK_PREFIX);
        assertThat(entries.get(0).getTargetId()).as("an invitation's rule names no target field").isNull();
        assertThat(entries.get(0).getUserAgent()).isEqualTo(exactly200);
        assertThat(entries.get(1).getActorId()).as("an ownership's rule names no actor field").isNull();
        assertThat(entries.get(1).getUserAgent()).isEqualTo("b".repeat(200));
    }

    @Test
    void anAppendThatKeepsLosingTheRaceGivesUpAfterTenAttempts() {
        AtomicInteger attempts = racedBy(attempt -> fx.signIn(fx.manager, "success", fx.orgA));
        var draft = AuditActions.draft(fx.signIn(fx.tenant, "failure", fx.orgA), fx.orgA);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fx.log.append(draft))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kept moving");
        assertThat(attempts).hasValue(AuditLog.MAX_ATTEMPTS).hasValue(10);
        assertThat(verification(fx.adminA, fx.orgA).toString()).isEqualTo("{\"valid\":true,\"entries\":10,\"firstBrokenSequence\":null}");
    }

    @Test
    void anAppendThatLosesTheRaceToTheSameEventReturnsTheRivalsPlace() {
        DomainEvent event = fx.signIn(fx.manager, "success", fx.orgA);
        // Another delivery of the same event commits between this append's marker check and its write.
        AtomicInteger attempts = racedBy(attempt -> attempt == 1 ? event : null);

        assertThat(fx.log.append(AuditActions.draft(event, fx.orgA))).isEqualTo(new AuditLog.Appended(1, false));
        assertThat(attempts).hasValue(1);
        assertThat(page(fx.adminA, fx.orgA, Map.of()).path("items")).hasSize(1);
    }
}
