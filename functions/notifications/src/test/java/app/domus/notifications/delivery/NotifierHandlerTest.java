package app.domus.notifications.delivery;

import static app.domus.notifications.NotificationsFixture.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.domus.notifications.NotificationsFixture;
import app.domus.notifications.devices.RegisterDeviceRequest;
import app.domus.notifications.preferences.PreferencesItem;
import app.domus.notifications.preferences.PreferencesRequest;
import app.domus.shared.directory.UserItem;
import app.domus.shared.json.Json;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.TestContext;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotifierHandlerTest {
    private static final String PHONE = "+4915112345678";

    private final NotificationsFixture f = new NotificationsFixture();
    private final NotifierHandler handler = new NotifierHandler(f.idempotency, f.notifier);
    private final UserItem user = f.user(PHONE);

    @AfterEach
    void close() {
        f.close();
    }

    private static NotificationRequest faultReported(String userId) {
        return new NotificationRequest(UUID.randomUUID().toString(), userId, null, Category.FAULTS, "generic",
                data("subject", "Fault reported", "body", "The lift in house 2 is out of order."));
    }

    private static SQSEvent.SQSMessage message(String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody(body);
        return message;
    }

    private static SQSEvent.SQSMessage message(NotificationRequest request) {
        return message(Json.write(request));
    }

    private SQSBatchResponse consume(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return handler.handleRequest(event, new TestContext());
    }

    private String registerPhone() {
        f.devices.register(user.getId(), new RegisterDeviceRequest("fcm", "fcm-token-of-the-users-phone-0001"));
        return f.devices.devices(user.getId()).getFirst().getEndpointArn();
    }

    private List<DeliveryItem> deliveries(String partition) {
        return f.table.all(DeliveryItem.class, partition, DeliveryItem.SK_PREFIX);
    }

    private static List<String> failed(SQSBatchResponse response) {
        List<String> ids = new ArrayList<>();
        response.getBatchItemFailures().forEach(failure -> ids.add(failure.getItemIdentifier()));
        return ids;
    }

    @Test
    void byDefaultAUserIsEmailedAndPushedButNotTexted() {
        String endpoint = registerPhone();
        var response = consume(message(faultReported(user.getId())));

        assertThat(response.getBatchItemFailures()).isEmpty();
        JsonNode email = f.aws.emails().getFirst();
        assertThat(f.aws.emails()).hasSize(1);
        assertThat(email.path("FromEmailAddress").asText()).isEqualTo(NotificationsFixture.SENDER);
        assertThat(email.path("Destination").path("ToAddresses").get(0).asText()).isEqualTo(user.getEmail());
        assertThat(email.path("Content").path("Simple").path("Subject").path("Data").asText()).isEqualTo("Fault reported");
        assertThat(email.path("Content").path("Simple").path("Body").path("Text").path("Data").asText())
                .isEqualTo("The lift in house 2 is out of order.");
        assertThat(f.aws.pushes()).singleElement().satisfies(push -> {
            assertThat(push).containsEntry("TargetArn", endpoint).containsEntry("MessageStructure", "json");
            JsonNode payload = Json.tree(push.get("Message"));
            JsonNode fcm = Json.tree(payload.path("GCM").asText());
            assertThat(fcm.path("fcmV1Message").path("message").path("notification").path("title").asText())
                    .isEqualTo("Fault reported");
        });
        assertThat(f.aws.sms()).isEmpty();
        assertThat(deliveries(UserItem.pk(user.getId()))).extracting(DeliveryItem::getChannel, DeliveryItem::getStatus)
                .containsExactlyInAnyOrder(tuple("EMAIL", "SENT"),
                        tuple("PUSH", "SENT"));
    }

    @Test
    void deliveriesAreKeptNinetyDaysAndNameWhereTheyWent() {
        consume(message(faultReported(user.getId())));

        DeliveryItem delivery = deliveries(UserItem.pk(user.getId())).getFirst();
        assertThat(delivery.getSk()).startsWith("DELIVERY#" + delivery.getSentAt().substring(0, 10));
        assertThat(delivery.getTarget()).isEqualTo(user.getEmail());
        assertThat(delivery.getProviderMessageId()).startsWith("ses-");
        assertThat(delivery.getTtl()).isBetween(Instant.now().plus(Duration.ofDays(89)).getEpochSecond(),
                Instant.now().plus(Duration.ofDays(91)).getEpochSecond());
    }

    @Test
    void eachDeliveryNamesItsRequestCategoryTemplateAndTheProvidersMessageId() {
        registerPhone();
        f.preferences.replace(user.getId(), Optional.empty(),
                new PreferencesRequest(Map.of("faults", Map.of("sms", true, "email", true, "push", true))));
        NotificationRequest request = faultReported(user.getId());
        consume(message(request));

        assertThat(deliveries(UserItem.pk(user.getId()))).hasSize(3).allSatisfy(d -> {
            assertThat(d.getRequestId()).isEqualTo(request.id());
            assertThat(d.getCategory()).isEqualTo("FAULTS");
            assertThat(d.getTemplate()).isEqualTo("generic");
            assertThat(d.getStatus()).isEqualTo(DeliveryItem.SENT);
            assertThat(d.getProviderMessageId()).startsWith(d.getChannel().equals("EMAIL") ? "ses-" : "sns-");
        }).extracting(DeliveryItem::getChannel).containsExactlyInAnyOrder("EMAIL", "SMS", "PUSH");

        consume(message(new NotificationRequest(UUID.randomUUID().toString(), null, "someone@example.test",
                Category.ACCOUNT, "invitation", data("role", "tenant", "code", "K7QM-3XPA-9RTD", "expiresAt", "2026-12-01"))));
        assertThat(deliveries("EMAIL#someone@example.test")).singleElement()
                .satisfies(d -> assertThat(d.getProviderMessageId()).startsWith("ses-"));
    }

    @Test
    void smsGoesOutWhenTheUserTurnedItOn() {
        f.preferences.replace(user.getId(), Optional.empty(),
                new PreferencesRequest(Map.of("faults", Map.of("sms", true, "email", false, "push", false))));
        consume(message(faultReported(user.getId())));

        assertThat(f.aws.sms()).singleElement().satisfies(sms -> {
            assertThat(sms).containsEntry("PhoneNumber", PHONE);
            assertThat(sms.get("Message")).startsWith("Fault reported\nThe lift");
            assertThat(sms).containsEntry("MessageAttributes.entry.1.Value.StringValue", "Transactional");
        });
        assertThat(f.aws.emails()).isEmpty();
        assertThat(deliveries(UserItem.pk(user.getId()))).singleElement()
                .satisfies(d -> assertThat(d.getTarget()).isEqualTo("…678"));
    }

    @Test
    void channelsTheUserTurnedOffStayQuiet() {
        registerPhone();
        f.preferences.replace(user.getId(), Optional.empty(),
                new PreferencesRequest(Map.of("faults", Map.of("email", false, "push", false))));
        var response = consume(message(faultReported(user.getId())));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(f.aws.emails()).isEmpty();
        assertThat(f.aws.pushes()).isEmpty();
        assertThat(deliveries(UserItem.pk(user.getId()))).isEmpty();
    }

    @Test
    void accountMessagesAreAlwaysEmailedWhateverThePreferencesSay() {
        PreferencesItem everythingOff = new PreferencesItem();
        everythingOff.setPk(UserItem.pk(user.getId()));
        everythingOff.setSk(PreferencesItem.SK);
        everythingOff.setCategories(Map.of("account", Map.of("email", false, "sms", false, "push", false)));
        f.table.of(PreferencesItem.class).putItem(everythingOff);

        consume(message(new NotificationRequest(UUID.randomUUID().toString(), user.getId(), null, Category.ACCOUNT,
                "welcome", data("email", user.getEmail(), "role", "owner"))));

        assertThat(f.aws.emails()).singleElement().satisfies(email ->
                assertThat(email.path("Content").path("Simple").path("Body").path("Text").path("Data").asText())
                        .contains("account for " + user.getEmail() + " is ready"));
        assertThat(f.aws.sms()).isEmpty();
    }

    @Test
    void someoneWithoutAnAccountIsEmailedAtTheGivenAddress() {
        consume(message(new NotificationRequest(UUID.randomUUID().toString(), null, "New.Tenant@Example.test",
                Category.ACCOUNT, "invitation", data("role", "tenant", "code", "K7QM-3XPA-9RTD", "expiresAt", "2026-12-01"))));

        assertThat(f.aws.emails()).singleElement().satisfies(email -> {
            assertThat(email.path("Destination").path("ToAddresses").get(0).asText()).isEqualTo("New.Tenant@Example.test");
            assertThat(email.path("Content").path("Simple").path("Body").path("Text").path("Data").asText())
                    .contains("K7QM-3XPA-9RTD");
        });
        assertThat(deliveries("EMAIL#new.tenant@example.test")).hasSize(1);
    }

    @Test
    void redeliveredRequestIsSentOnce() {
        registerPhone();
        NotificationRequest request = faultReported(user.getId());
        consume(message(request), message(request));
        var again = consume(message(request));

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(f.aws.emails()).hasSize(1);
        assertThat(f.aws.pushes()).hasSize(1);
        assertThat(deliveries(UserItem.pk(user.getId()))).hasSize(2);
    }

    @Test
    void retryAfterAFailedChannelSendsOnlyWhatDidNotGoOut() {
        f.preferences.replace(user.getId(), Optional.empty(),
                new PreferencesRequest(Map.of("faults", Map.of("sms", true))));
        f.aws.phonesFailingOnce.add(PHONE);
        SQSEvent.SQSMessage message = message(faultReported(user.getId()));

        assertThat(failed(consume(message))).containsExactly(message.getMessageId());
        assertThat(failed(consume(message))).isEmpty();

        assertThat(f.aws.emails()).hasSize(1);
        assertThat(f.aws.sms()).hasSize(2);
        assertThat(deliveries(UserItem.pk(user.getId()))).extracting(DeliveryItem::getChannel)
                .containsExactlyInAnyOrder("EMAIL", "SMS");
    }

    @Test
    void disabledPushEndpointIsRecordedAndDoesNotHoldBackTheRest() {
        f.aws.disabledEndpoints.add(registerPhone());
        var response = consume(message(faultReported(user.getId())));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(f.aws.emails()).hasSize(1);
        assertThat(deliveries(UserItem.pk(user.getId()))).extracting(DeliveryItem::getChannel, DeliveryItem::getStatus)
                .contains(tuple("PUSH", DeliveryItem.ENDPOINT_DISABLED));
    }

    @Test
    void deviceWithoutEndpointIsSkipped() {
        f.devices.register(user.getId(), new RegisterDeviceRequest("apns", "b".repeat(64)));
        consume(message(faultReported(user.getId())));

        assertThat(f.aws.pushes()).isEmpty();
        assertThat(f.aws.emails()).hasSize(1);
    }

    @Test
    void poisonMessagesAreReportedFailedWhileTheRestOfTheBatchIsDelivered() {
        SQSEvent.SQSMessage notJson = message("this is not json");
        SQSEvent.SQSMessage notARequest = message("{\"hello\":\"world\"}");
        SQSEvent.SQSMessage unknownTemplate = message(new NotificationRequest(UUID.randomUUID().toString(), user.getId(),
                null, Category.FAULTS, "no-such-template", Map.of()));
        SQSEvent.SQSMessage missingValue = message(new NotificationRequest(UUID.randomUUID().toString(), user.getId(),
                null, Category.FAULTS, "generic", data("subject", "only a subject")));
        SQSEvent.SQSMessage unknownUser = message(faultReported("01NOSUCHUSER00000000000000"));
        SQSEvent.SQSMessage good = message(faultReported(user.getId()));

        var response = consume(notJson, notARequest, unknownTemplate, missingValue, unknownUser, good);

        assertThat(failed(response)).containsExactlyInAnyOrder(notJson.getMessageId(), notARequest.getMessageId(),
                unknownTemplate.getMessageId(), missingValue.getMessageId(), unknownUser.getMessageId());
        assertThat(f.aws.emails()).hasSize(1);
    }

    @Test
    void aFailedRequestIsRetriedRatherThanRememberedAsDone() {
        SQSEvent.SQSMessage unknownTemplate = message(new NotificationRequest(UUID.randomUUID().toString(), user.getId(),
                null, Category.FAULTS, "no-such-template", Map.of()));

        assertThat(failed(consume(unknownTemplate))).hasSize(1);
        assertThat(failed(consume(unknownTemplate))).hasSize(1);
    }
}
