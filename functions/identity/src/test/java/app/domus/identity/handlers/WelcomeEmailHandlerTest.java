package app.domus.identity.handlers;

import static app.domus.shared.testing.SqsEvents.batch;
import static app.domus.shared.testing.SqsEvents.failed;
import static app.domus.shared.testing.SqsEvents.message;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.events.DomainEvent;
import app.domus.shared.json.Json;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.TestContext;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WelcomeEmailHandlerTest {
    private final IdentityFixture fx = new IdentityFixture();
    private final WelcomeEmailHandler handler =
            new WelcomeEmailHandler(fx.world.idempotency, fx.notifications);

    private String userRegistered(String userId) {
        DomainEvent event = DomainEvent.of("UserRegistered", "ORG1", Json.MAPPER.valueToTree(Map.of(
                "userId", userId, "email", userId.toLowerCase() + "@example.test", "role", "owner",
                "organisationId", "ORG1", "buildingId", "B1", "unitId", "U1")), fx.clock.instant());
        return Json.write(event);
    }

    @Test
    void userRegisteredAsksForOneWelcomeEmail() {
        SQSBatchResponse response = handler.handleRequest(batch(message("m1", userRegistered("USER1"))), new TestContext());

        assertThat(failed(response)).isEmpty();
        assertThat(fx.notifications.sent).singleElement().satisfies(n -> {
            assertThat(n.userId()).isEqualTo("USER1");
            assertThat(n.template()).isEqualTo("welcome");
            assertThat(n.category()).isEqualTo(Category.ACCOUNT);
            assertThat(n.id()).isEqualTo("welcome-USER1");
            assertThat(n.data()).containsEntry("email", "user1@example.test").containsEntry("role", "owner");
        });
    }

    @Test
    void aMessageDeliveredTwiceSendsOneEmail() {
        String body = userRegistered("USER2");

        SQSBatchResponse first = handler.handleRequest(batch(message("m1", body)), new TestContext());
        SQSBatchResponse again = handler.handleRequest(batch(message("m1-redelivered", body)), new TestContext());
        SQSBatchResponse twiceInOneBatch = handler.handleRequest(batch(message("m2", body), message("m3", body)), new TestContext());

        assertThat(failed(first)).isEmpty();
        assertThat(failed(again)).isEmpty();
        assertThat(failed(twiceInOneBatch)).isEmpty();
        assertThat(fx.notifications.sent).extracting(NotificationRequest::userId).containsExactly("USER2");
    }

    @Test
    void twoRegistrationsSendTwoEmails() {
        handler.handleRequest(batch(message("m1", userRegistered("USER3")), message("m2", userRegistered("USER4"))),
                new TestContext());

        assertThat(fx.notifications.sent).extracting(NotificationRequest::userId).containsExactlyInAnyOrder("USER3", "USER4");
    }

    @Test
    void aPoisonMessageFailsAloneWhileTheRestOfTheBatchIsHandled() {
        SQSBatchResponse response = handler.handleRequest(batch(
                message("poison", "this is not JSON {"),
                message("good", userRegistered("USER5")),
                message("not-an-event", "{\"hello\":\"world\"}")), new TestContext());

        assertThat(failed(response)).containsExactlyInAnyOrder("poison", "not-an-event");
        assertThat(fx.notifications.sent).extracting(NotificationRequest::userId).containsExactly("USER5");
    }

    @Test
    void aFailedSendIsReportedAndRetriedLater() {
        List<NotificationRequest> sent = new ArrayList<>();
        boolean[] down = {true};
        var flaky = new app.domus.shared.notify.NotificationSender(null, fx.config) {
            @Override
            public void send(NotificationRequest request) {
                if (down[0]) throw new IllegalStateException("queue unavailable");
                sent.add(request);
            }
        };
        WelcomeEmailHandler consumer = new WelcomeEmailHandler(fx.world.idempotency, flaky);
        String body = userRegistered("USER6");

        assertThat(failed(consumer.handleRequest(batch(message("m1", body)), new TestContext()))).containsExactly("m1");
        down[0] = false;
        assertThat(failed(consumer.handleRequest(batch(message("m1", body)), new TestContext()))).isEmpty();

        assertThat(sent).extracting(NotificationRequest::userId).containsExactly("USER6");
    }

    @Test
    void otherEventsAreAcknowledgedWithoutAnEmail() {
        String other = Json.write(DomainEvent.of("UnitCreated", "ORG1", Json.MAPPER.valueToTree(Map.of("unitId", "U1")),
                fx.clock.instant()));

        SQSBatchResponse response = handler.handleRequest(batch(message("m1", other)), new TestContext());

        assertThat(failed(response)).isEmpty();
        assertThat(fx.notifications.sent).isEmpty();
    }

    @Test
    void theEventPublishedByRegistrationLeadsToTheWelcomeEmail() {
        String userId = fx.signUp("welcome.me@example.test").userId();
        DomainEvent published = fx.events.get(0);

        SQSBatchResponse response = handler.handleRequest(batch(message("m1", Json.write(published))), new TestContext());

        assertThat(failed(response)).isEmpty();
        assertThat(fx.notifications.sent).singleElement().satisfies(n -> {
            assertThat(n.userId()).isEqualTo(userId);
            assertThat(n.template()).isEqualTo("welcome");
            assertThat(n.data()).containsEntry("email", "welcome.me@example.test");
        });
    }
}
