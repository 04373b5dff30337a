package app.domus.delegations;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static app.domus.shared.testing.DirectoryWorld.emailOf;
import static app.domus.shared.testing.SqsEvents.batch;
import static app.domus.shared.testing.SqsEvents.failed;
import static app.domus.shared.testing.SqsEvents.message;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.events.DomainEvent;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.json.Json;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.TestContext;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The events the service publishes, delivered as the events queue would, turn into the right notification requests. */
class DelegationNoticesHandlerTest {
    private final DelegationsFixture f = new DelegationsFixture();
    private final DelegationNoticesHandler handler = new DelegationNoticesHandler(f.idempotency, f.notices);

    /** Delivers the last event the service published, as its queue would. */
    private SQSBatchResponse deliverLast(String messageId) {
        DomainEvent last = f.events.last();
        return handler.handleRequest(batch(message(messageId, Json.write(last))), new TestContext());
    }

    @Test
    void aDelegateWithAnAccountIsInvitedByUserId() {
        String id = f.delegate(f.olga, emailOf(f.fred), f.unit3B, "vote", "view_finances");

        assertThat(failed(deliverLast("m1"))).isEmpty();

        assertThat(f.notifications.sent).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo("delegation-invitation-" + id);
            assertThat(n.userId()).isEqualTo(f.fred);
            assertThat(n.email()).isNull();
            assertThat(n.category()).isEqualTo(Category.ACCOUNT);
            assertThat(n.template()).isEqualTo("delegation-invitation");
            assertThat(n.data()).containsEntry("ownerName", "Olga Owner").containsEntry("ownerEmail", emailOf(f.olga))
                    .containsEntry("unit", "3B").containsEntry("building", "Lindenstraße 5")
                    .containsEntry("rights", "vote, view finances").containsEntry("expiresAt", "1 July 2026, 09:00 UTC");
        });
    }

    @Test
    void someoneWithoutAnAccountIsInvitedAtTheirAddressToRegister() {
        String id = f.delegate(f.olga, "new.friend@example.test", f.unit3B, "pay");

        assertThat(failed(deliverLast("m1"))).isEmpty();

        assertThat(f.notifications.sent).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo("delegation-invitation-" + id);
            assertThat(n.userId()).isNull();
            assertThat(n.email()).isEqualTo("new.friend@example.test");
            assertThat(n.template()).isEqualTo("delegation-invitation-register");
            assertThat(n.data()).containsEntry("email", "new.friend@example.test").containsEntry("rights", "pay");
        });
    }

    @Test
    void theOwnerHearsOfAnAcceptanceAndOfADecline() {
        String accepted = f.delegateAccepted(f.olga, f.fred, f.unit3B, "vote");
        deliverLast("m1");
        String declined = f.delegate(f.olga, emailOf(f.oscar), f.unit3B, "pay");
        f.delegations.decline(caller(f.oscar), declined, Optional.empty());
        deliverLast("m2");

        assertThat(f.notifications.sent).hasSize(2).allSatisfy(n -> {
            assertThat(n.userId()).isEqualTo(f.olga);
            assertThat(n.template()).isEqualTo("delegation-answered");
            assertThat(n.category()).isEqualTo(Category.ACCOUNT);
        });
        assertThat(f.notifications.sent.get(0).id()).isEqualTo("delegation-accepted-" + accepted);
        assertThat(f.notifications.sent.get(0).data()).containsEntry("delegateName", "Fred Friend").containsEntry("answer", "accepted")
                .containsEntry("unit", "3B");
        assertThat(f.notifications.sent.get(1).id()).isEqualTo("delegation-declined-" + declined);
        assertThat(f.notifications.sent.get(1).data()).containsEntry("delegateName", "Oscar Owner").containsEntry("answer", "declined");
    }

    @Test
    void theDelegateHearsOfARevocationByIdOrAtTheirAddress() {
        String toFred = f.delegateAccepted(f.olga, f.fred, f.unit3B, "vote");
        f.delegations.revoke(caller(f.olga), toFred, Optional.empty());
        deliverLast("m1");
        String toAddress = f.delegate(f.olga, "new.friend@example.test", f.unit3B, "vote");
        f.delegations.revoke(caller(f.olga), toAddress, Optional.empty());
        deliverLast("m2");

        assertThat(f.notifications.sent).extracting(NotificationRequest::id)
                .containsExactly("delegation-revoked-" + toFred, "delegation-revoked-" + toAddress);
        assertThat(f.notifications.sent.get(0).userId()).isEqualTo(f.fred);
        assertThat(f.notifications.sent.get(1).email()).isEqualTo("new.friend@example.test");
        assertThat(f.notifications.sent).allSatisfy(n -> {
            assertThat(n.template()).isEqualTo("delegation-revoked");
            assertThat(n.data()).containsEntry("ownerName", "Olga Owner").containsEntry("rights", "vote");
        });
    }

    @Test
    void aRedeliveredEventAsksForOneMessage() {
        f.delegate(f.olga, emailOf(f.fred), f.unit3B, "vote");
        String body = Json.write(f.events.get(0));

        assertThat(failed(handler.handleRequest(batch(message("m1", body)), new TestContext()))).isEmpty();
        assertThat(failed(handler.handleRequest(batch(message("m1-again", body), message("m2", body)), new TestContext()))).isEmpty();

        assertThat(f.notifications.sent).hasSize(1);
    }

    @Test
    void aPoisonMessageFailsAloneWhileTheRestOfTheBatchIsHandled() {
        f.delegate(f.olga, emailOf(f.fred), f.unit3B, "vote");
        String good = Json.write(f.events.get(0));
        String noDelegation = Json.write(DomainEvent.of("DelegationCreated", f.orgA,
                Json.MAPPER.valueToTree(Map.of("unitId", f.unit3B)), f.clock.instant()));
        String unknownUnit = Json.write(DomainEvent.of("DelegationAccepted", f.orgA, Json.MAPPER.valueToTree(Map.of(
                "delegationId", "D1", "unitId", "NO-SUCH-UNIT", "ownerId", f.olga, "delegateId", f.fred,
                "rights", List.of("vote"), "expiresAt", "2026-07-01T00:00:00Z")), f.clock.instant()));

        SQSBatchResponse response = handler.handleRequest(batch(
                message("poison", "this is not JSON {"),
                message("not-an-event", "{\"hello\":\"world\"}"),
                message("no-delegation", noDelegation),
                message("unknown-unit", unknownUnit),
                message("good", good)), new TestContext());

        assertThat(failed(response)).containsExactlyInAnyOrder("poison", "not-an-event", "no-delegation", "unknown-unit");
        assertThat(f.notifications.sent).extracting(NotificationRequest::userId).containsExactly(f.fred);
    }

    @Test
    void aFailedSendIsReportedAndSentOnRetry() {
        List<NotificationRequest> sent = new ArrayList<>();
        boolean[] down = {true};
        NotificationSender flaky = new NotificationSender(null, f.config) {
            @Override
            public void send(NotificationRequest request) {
                if (down[0]) throw new IllegalStateException("queue unavailable");
                sent.add(request);
            }
        };
        DelegationNoticesHandler consumer = new DelegationNoticesHandler(f.idempotency, new DelegationNotices(f.table, flaky));
        f.delegate(f.olga, emailOf(f.fred), f.unit3B, "vote");
        String body = Json.write(f.events.get(0));

        assertThat(failed(consumer.handleRequest(batch(message("m1", body)), new TestContext()))).containsExactly("m1");
        down[0] = false;
        assertThat(failed(consumer.handleRequest(batch(message("m1", body)), new TestContext()))).isEmpty();

        assertThat(sent).extracting(NotificationRequest::userId).containsExactly(f.fred);
    }

    @Test
    void otherEventsAreAcknowledgedWithoutAMessage() {
        String other = Json.write(DomainEvent.of("UnitCreated", f.orgA, Json.MAPPER.valueToTree(Map.of("unitId", f.unit3B)),
                f.clock.instant()));

        assertThat(failed(handler.handleRequest(batch(message("m1", other)), new TestContext()))).isEmpty();
        assertThat(f.notifications.sent).isEmpty();
    }
}
