package app.domus.notifications;

import app.domus.notifications.delivery.Messaging;
import app.domus.notifications.delivery.Notifier;
import app.domus.notifications.devices.DeviceService;
import app.domus.notifications.history.NotificationHistory;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.RecordingLiveUpdates;
import app.domus.notifications.preferences.PreferencesService;
import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.config.Env;
import app.domus.shared.directory.UserItem;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.testing.DirectoryWorld;
import app.domus.shared.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The kernel's directory world (starting now), SES and SNS faked on a local port, and the notification services
 * wired to them. The FCM platform application is configured; APNs has none, so APNs devices get no endpoint.
 */
public final class NotificationsFixture implements AutoCloseable {
    public static final String SENDER = "no-reply@domus.test";
    public static final String FCM_APPLICATION = "arn:aws:sns:eu-central-1:000000000000:app/GCM/domus";

    public final FakeAws aws = new FakeAws();
    /** A refused request also sends nothing through SES or SNS. */
    public final DirectoryWorld world = new DirectoryWorld(Instant.now()) {
        @Override
        protected Object outsideState() {
            return aws.calls.size();
        }
    };
    public final PlatformConfig platform = world.config;
    public final DomusTable table = world.table;
    public final IdempotencyStore idempotency = world.idempotency;
    public final NotificationsConfig config = Env.with(
            Map.of("SENDER_EMAIL", SENDER, "PUSH_PLATFORM_APPLICATION_ARN", FCM_APPLICATION), NotificationsConfig::new);
    public final PreferencesService preferences = new PreferencesService(table);
    public final DeviceService devices = new DeviceService(table, aws.sns(), config, world.clock);
    public final RecordingLiveUpdates liveUpdates = new RecordingLiveUpdates();
    public final NotificationHistory history = new NotificationHistory(table, LocalDynamo.client(), liveUpdates, world.clock);
    public final Notifier notifier = new Notifier(table, preferences, devices, new Messaging(aws.ses(), aws.sns(), config),
            idempotency, history, world.clock);

    /** A person with an account at their own address, and this phone number (or none). */
    public UserItem user(String phone) {
        String userId = Ids.newId();
        return world.account(userId, null, "user-" + userId.toLowerCase() + "@example.test", phone);
    }

    public int itemCount() {
        return world.itemCount();
    }

    /** Asserts the request is refused with this problem, and that nothing was stored or sent. */
    public JsonNode assertRefusedUnchanged(HttpHandler handler, HttpEvents request, int status, String type) {
        return world.assertRefusedUnchanged(handler, request, status, type);
    }

    public static String oversizeText() {
        return DirectoryWorld.oversizeText();
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
