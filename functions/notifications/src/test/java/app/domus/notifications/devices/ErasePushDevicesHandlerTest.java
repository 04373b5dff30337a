package app.domus.notifications.devices;

import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.notifications.NotificationsFixture;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.json.Json;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.SqsEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On AccountDeleted: the person's SNS endpoints deleted, then their devices; nobody else's; a failure is retried. */
class ErasePushDevicesHandlerTest {
    private final NotificationsFixture f = new NotificationsFixture();
    private final RegisterDeviceHandler register = new RegisterDeviceHandler(f.idempotency, f.devices);
    private final ErasePushDevicesHandler consumer = new ErasePushDevicesHandler(f.idempotency, f.devices);
    private final String leaving = "01USER0000000000000000000L";
    private final String staying = "01USER0000000000000000000S";

    @AfterEach
    void close() {
        f.close();
    }

    private String endpointOf(String userId, String platform, String token) {
        var response = call(register, HttpEvents.request("POST", "/me/devices").as(userId)
                .body("{\"platform\":\"" + platform + "\",\"token\":\"" + token + "\"}"));
        assertThat(response.getStatusCode()).isEqualTo(201);
        return f.devices.devices(userId).stream().filter(d -> d.getDeviceId().equals(json(response).path("deviceId").asText()))
                .findFirst().orElseThrow().getEndpointArn();
    }

    private static DomainEvent accountDeleted(String userId) {
        return new DomainEvent("01EVENT000000000000000000" + userId.charAt(userId.length() - 1), ErasePushDevicesHandler.TYPE, 1,
                java.time.Instant.parse("2026-12-02T05:00:00Z"), null, "test", Json.MAPPER.valueToTree(Map.of("userId", userId,
                "deletedAt", "2026-12-02T05:00:00Z", "organisationIds", List.of())));
    }

    @Test
    void theDeletedPersonsEndpointsAreDeletedAtSnsThenTheirDevicesAndNobodyElses() {
        String phone = endpointOf(leaving, "fcm", "fcm-token:leaving-phone");
        String tablet = endpointOf(leaving, "fcm", "fcm-token:leaving-tablet");
        endpointOf(leaving, "apns", "a".repeat(64)); // no APNs application: a device without endpoint
        String other = endpointOf(staying, "fcm", "fcm-token:staying-phone");

        var response = consumer.handleRequest(SqsEvents.batch(accountDeleted(leaving)), null);

        assertThat(SqsEvents.failed(response)).isEmpty();
        assertThat(f.aws.of("DeleteEndpoint")).extracting(c -> c.get("EndpointArn")).containsExactlyInAnyOrder(phone, tablet);
        assertThat(f.devices.devices(leaving)).isEmpty();
        assertThat(f.devices.devices(staying)).singleElement().satisfies(d -> assertThat(d.getEndpointArn()).isEqualTo(other));

        // Redelivered: nothing is deleted twice.
        assertThat(SqsEvents.failed(consumer.handleRequest(SqsEvents.batch(accountDeleted(leaving)), null))).isEmpty();
        assertThat(f.aws.of("DeleteEndpoint")).hasSize(2);
    }

    @Test
    void anEndpointSnsDoesNotDeleteKeepsItsDeviceForTheRetryWhichDeletesIt() {
        String phone = endpointOf(leaving, "fcm", "fcm-token:leaving-phone");
        f.aws.endpointsFailingDelete.add(phone);
        DomainEvent deleted = accountDeleted(leaving);

        assertThat(SqsEvents.failed(consumer.handleRequest(SqsEvents.batch(deleted), null))).containsExactly("m0");
        assertThat(f.devices.devices(leaving)).singleElement().satisfies(d -> assertThat(d.getEndpointArn()).isEqualTo(phone));

        f.aws.endpointsFailingDelete.clear();
        assertThat(SqsEvents.failed(consumer.handleRequest(SqsEvents.batch(deleted), null))).isEmpty();
        assertThat(f.devices.devices(leaving)).isEmpty();
        // The SDK tries a failing call again itself; the retry's call is the one that succeeds.
        assertThat(f.aws.of("DeleteEndpoint")).extracting(c -> c.get("EndpointArn")).containsOnly(phone).hasSizeGreaterThan(1);
    }

    @Test
    void anEventWithoutItsPersonIsAFailureNotAnAcknowledgement() {
        DomainEvent broken = new DomainEvent("01EVENT00000000000000000XX", ErasePushDevicesHandler.TYPE, 1,
                java.time.Instant.now(), null, "test", Json.MAPPER.valueToTree(Map.of("deletedAt", "2026-12-02T05:00:00Z")));
        assertThat(SqsEvents.failed(consumer.handleRequest(SqsEvents.batch(broken), null))).hasSize(1);
    }
}
