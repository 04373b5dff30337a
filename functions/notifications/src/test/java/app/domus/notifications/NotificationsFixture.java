package app.domus.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.notifications.delivery.Messaging;
import app.domus.notifications.delivery.Notifier;
import app.domus.notifications.devices.DeviceService;
import app.domus.notifications.preferences.PreferencesService;
import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.config.Env;
import app.domus.shared.directory.UserItem;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.ids.Ids;
import app.domus.shared.json.Json;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.TestContext;
import app.domus.shared.testing.TestPlatform;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Fresh tables in DynamoDB Local, SES and SNS faked on a local port, and the notification services wired to
 * them. The FCM platform application is configured; APNs has none, so APNs devices get no endpoint.
 */
public final class NotificationsFixture implements AutoCloseable {
    public static final String SENDER = "no-reply@domus.test";
    public static final String FCM_APPLICATION = "arn:aws:sns:eu-central-1:000000000000:app/GCM/domus";

    public final FakeAws aws = new FakeAws();
    public final PlatformConfig platform = TestPlatform.config();
    public final DomusTable table = new DomusTable(LocalDynamo.enhanced(), platform);
    public final IdempotencyStore idempotency = new IdempotencyStore(LocalDynamo.client(), platform, Clock.systemUTC());
    public final NotificationsConfig config = Env.with(
            Map.of("SENDER_EMAIL", SENDER, "PUSH_PLATFORM_APPLICATION_ARN", FCM_APPLICATION), NotificationsConfig::new);
    public final PreferencesService preferences = new PreferencesService(table);
    public final DeviceService devices = new DeviceService(table, aws.sns(), config, Clock.systemUTC());
    public final Notifier notifier = new Notifier(table, preferences, devices, new Messaging(aws.ses(), aws.sns(), config),
            idempotency, Clock.systemUTC());

    public UserItem user(String phone) {
        UserItem user = new UserItem();
        user.setId(Ids.newId());
        user.setPk(UserItem.pk(user.getId()));
        user.setSk(UserItem.SK);
        user.setEmail("user-" + user.getId().toLowerCase() + "@example.test");
        user.setPhone(phone);
        table.of(UserItem.class).putItem(user);
        return user;
    }

    /** Every item in the table: what a refused request must leave unchanged. */
    public int itemCount() {
        return LocalDynamo.client().scan(b -> b.tableName(platform.tableName())).count();
    }

    public static APIGatewayV2HTTPResponse call(HttpHandler handler, HttpEvents request) {
        return handler.handleRequest(request.build(), new TestContext());
    }

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.tree(response.getBody());
    }

    /** Asserts an RFC 9457 problem of this status and type slug, and returns its body. */
    public static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String type) {
        return app.domus.shared.testing.Responses.assertProblem(response, status, type);
    }

    /** Asserts the request is refused with this problem, and that nothing was stored or sent. */
    public void assertRefusedUnchanged(HttpHandler handler, HttpEvents request, int status, String type) {
        int before = itemCount();
        int calls = aws.calls.size();
        assertProblem(call(handler, request), status, type);
        assertThat(itemCount()).as("items in the table").isEqualTo(before);
        assertThat(aws.calls).hasSize(calls);
    }

    public static String oversizeText() {
        return "a".repeat(70 * 1024);
    }

    public static Map<String, String> data(String... keyValues) {
        Map<String, String> data = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) data.put(keyValues[i], keyValues[i + 1]);
        return data;
    }

    @Override
    public void close() {
        aws.close();
    }
}
