package app.domus.notifications.devices;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.notifications.NotificationsFixture;
import app.domus.shared.directory.UserItem;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.IdempotentCreates;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeviceHandlersTest {
    private static final String FCM_TOKEN = "fcm-token:APA91bHun4MxP5egoKMwt2KZFBaFUH-1RYqx";
    private static final String APNS_TOKEN = "a".repeat(64);

    private final NotificationsFixture f = new NotificationsFixture();
    private final RegisterDeviceHandler register = new RegisterDeviceHandler(f.idempotency, f.devices);
    private final DeleteDeviceHandler delete = new DeleteDeviceHandler(f.devices);
    private final String me = "01USER0000000000000000000A";

    @AfterEach
    void close() {
        f.close();
    }

    private static HttpEvents post(String body) {
        return HttpEvents.request("POST", "/me/devices").body(body);
    }

    private static HttpEvents remove(String deviceId) {
        return HttpEvents.request("DELETE", "/me/devices/" + deviceId).pathParam("deviceId", deviceId);
    }

    private static String body(String platform, String token) {
        return "{\"platform\":\"" + platform + "\",\"token\":\"" + token + "\"}";
    }

    @Test
    void fcmDeviceGetsAnSnsEndpointOfThePlatformApplication() {
        var response = call(register, post(body("fcm", FCM_TOKEN)).as(me));

        assertThat(response.getStatusCode()).isEqualTo(201);
        String deviceId = json(response).path("deviceId").asText();
        assertThat(f.aws.of("CreatePlatformEndpoint")).singleElement().satisfies(call -> {
            assertThat(call).containsEntry("PlatformApplicationArn", NotificationsFixture.FCM_APPLICATION);
            assertThat(call).containsEntry("Token", FCM_TOKEN);
        });
        DeviceItem stored = f.table.get(DeviceItem.class, UserItem.pk(me), DeviceItem.sk(deviceId)).orElseThrow();
        assertThat(stored.getEndpointArn()).startsWith("arn:aws:sns:eu-central-1:000000000000:endpoint/GCM/domus/");
        assertThat(stored.getPlatform()).isEqualTo("FCM");
    }

    @Test
    void aRegistrationSentAgainWithItsIdempotencyKeyIsAnsweredAsTheFirstWithoutAnotherEndpoint() {
        IdempotentCreates.assertKeyedCreate(register, () -> post(body("fcm", FCM_TOKEN)).as(me),
                () -> post(body("fcm", FCM_TOKEN + "-other")).as(me), () -> f.aws.of("CreatePlatformEndpoint").size(), "endpoints");
        DeviceItem stored = f.devices.devices(me).getFirst();
        assertThat(stored.getUserId()).isEqualTo(me);
        assertThat(stored.getCreatedAt()).isEqualTo(f.world.clock.instant().toString());
    }

    @Test
    void anApnsTokenRegisteredAgainIsTheSameDeviceStillWithoutEndpoint() {
        String first = json(call(register, post(body("apns", APNS_TOKEN)).as(me))).path("deviceId").asText();
        var again = call(register, post(body("apns", APNS_TOKEN)).as(me));

        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(json(again).path("deviceId").asText()).isEqualTo(first);
        assertThat(f.aws.calls).isEmpty();
    }

    @Test
    void registeringTheSameTokenAgainReturnsTheSameDevice() {
        String first = json(call(register, post(body("fcm", FCM_TOKEN)).as(me))).path("deviceId").asText();
        var again = call(register, post(body("fcm", FCM_TOKEN)).as(me));

        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(json(again).path("deviceId").asText()).isEqualTo(first);
        assertThat(f.devices.devices(me)).hasSize(1);
    }

    @Test
    void deviceOfAPlatformWithoutApplicationIsKeptWithoutEndpoint() {
        var response = call(register, post(body("apns", APNS_TOKEN)).as(me));

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(f.aws.calls).isEmpty();
        assertThat(f.devices.devices(me)).singleElement().satisfies(d -> assertThat(d.getEndpointArn()).isNull());
    }

    @Test
    void aPersonCannotPileUpDevicesWithoutLimit() {
        for (int i = 0; i < DeviceService.MAX_DEVICES; i++) {
            assertThat(call(register, post(body("fcm", FCM_TOKEN + i)).as(me)).getStatusCode()).isEqualTo(201);
        }
        f.assertRefusedUnchanged(register, post(body("fcm", FCM_TOKEN + "x")).as(me), 409, "conflict");
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"platform\":", 400, "malformed-json"),
                Arguments.of("{\"platform\":\"fcm\",\"token\":12345678901234567890}", 400, "validation-error"),
                Arguments.of("{\"platform\":[\"fcm\"],\"token\":\"" + FCM_TOKEN + "\"}", 400, "validation-error"),
                Arguments.of("{\"token\":\"" + FCM_TOKEN + "\"}", 400, "validation-error"),
                Arguments.of("{\"platform\":\"fcm\"}", 400, "validation-error"),
                Arguments.of(body("sms", FCM_TOKEN), 400, "validation-error"),
                Arguments.of(body("fcm", "short"), 400, "validation-error"),
                Arguments.of(body("apns", "z".repeat(64)), 400, "validation-error"),
                Arguments.of(body("fcm", "<script>alert(1)</script>aaaaaaaaaaaaa"), 400, "validation-error"),
                Arguments.of(body("fcm", FCM_TOKEN + "\\u0000"), 400, "validation-error"),
                Arguments.of(body("fcm", NotificationsFixture.oversizeText()), 413, "payload-too-large"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesAreRefusedStoreNothingAndCreateNoEndpoint(String body, int status, String type) {
        f.assertRefusedUnchanged(register, post(body).as(me), status, type);
    }

    @Test
    void registeringWithoutSignInIs401() {
        f.assertRefusedUnchanged(register, post(body("fcm", FCM_TOKEN)), 401, "unauthorized");
    }

    @Test
    void removingADeviceDeletesItsEndpointAndItem() {
        String deviceId = json(call(register, post(body("fcm", FCM_TOKEN)).as(me))).path("deviceId").asText();
        String endpoint = f.devices.devices(me).getFirst().getEndpointArn();

        assertThat(call(delete, remove(deviceId).as(me)).getStatusCode()).isEqualTo(204);
        assertThat(f.aws.of("DeleteEndpoint")).singleElement().satisfies(call -> assertThat(call).containsEntry("EndpointArn", endpoint));
        assertThat(f.devices.devices(me)).isEmpty();
        assertProblem(call(delete, remove(deviceId).as(me)), 404, "not-found");
    }

    @Test
    void someoneElsesDeviceIsNotFoundAndStays() {
        String deviceId = json(call(register, post(body("fcm", FCM_TOKEN)).as(me))).path("deviceId").asText();

        f.assertRefusedUnchanged(delete, remove(deviceId).as("01USER0000000000000000000B"), 404, "not-found");
        f.assertRefusedUnchanged(delete, remove(deviceId), 401, "unauthorized");
        assertThat(f.devices.devices(me)).hasSize(1);
    }
}
