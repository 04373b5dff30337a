package app.domus.notifications.delivery;

import app.domus.shared.observability.Observability;
import app.domus.notifications.devices.DeviceItem;
import app.domus.notifications.devices.DeviceService;
import app.domus.notifications.history.NotificationHistory;
import app.domus.notifications.preferences.PreferencesService;
import app.domus.shared.directory.UserItem;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.ids.Ids;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.Channel;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.model.EndpointDisabledException;

/**
 * Delivers one notification request: finds the recipient's contacts, applies their preferences, renders the
 * template and sends on each channel that is on. Account messages always go by e-mail.
 *
 * <p>Each single send runs once per request, channel and target (its own idempotency key): when a later
 * send fails and the request is retried, those that went out already are not repeated. One window stays open: a
 * process that dies after the provider accepted a message and before its delivery is recorded sends it again on the
 * retry, because neither SES's {@code SendEmail} nor SNS's {@code Publish} to a phone or endpoint takes an idempotency
 * key or can be asked what it sent (the kill -9 drill tells such copies apart and allows only them).
 */
@Singleton
public class Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    static final String SEND_SCOPE = "notifier-send";
    static final String HISTORY_SCOPE = "notifier-history";
    static final Duration SEND_WINDOW = Duration.ofSeconds(30);
    static final Duration KEEP_DELIVERIES = Duration.ofDays(90);

    private final DomusTable table;
    private final PreferencesService preferences;
    private final DeviceService devices;
    private final Messaging messaging;
    private final IdempotencyStore idempotency;
    private final NotificationHistory history;
    private final Clock clock;

    @Inject
    public Notifier(DomusTable table, PreferencesService preferences, DeviceService devices, Messaging messaging,
                    IdempotencyStore idempotency, NotificationHistory history, Clock clock) {
        this.table = table;
        this.preferences = preferences;
        this.devices = devices;
        this.messaging = messaging;
        this.idempotency = idempotency;
        this.history = history;
        this.clock = clock;
    }

    public void deliver(NotificationRequest request) {
        if (request.id() == null || request.category() == null || (request.userId() == null && request.email() == null)) {
            throw new IllegalArgumentException("A notification request needs an id, a category and a userId or email");
        }
        Templates.Message message = Templates.render(request.template(), request.data());
        if (request.userId() == null) {
            String partition = "EMAIL#" + request.email().toLowerCase(Locale.ROOT);
            once(request, Channel.EMAIL, request.email(), partition, request.email(),
                    () -> messaging.email(request.email(), message));
            return;
        }
        UserItem user = table.get(UserItem.class, UserItem.pk(request.userId()), UserItem.SK)
                .orElseThrow(() -> new IllegalStateException("No user " + request.userId() + " to notify"));
        String partition = UserItem.pk(user.getId());
        Set<Channel> channels = preferences.of(user.getId()).channelsFor(request.category());
        if (request.category() == Category.ACCOUNT) channels.add(Channel.EMAIL);

        Set<Channel> went = java.util.EnumSet.noneOf(Channel.class);
        if (channels.contains(Channel.EMAIL) && user.getEmail() != null) {
            once(request, Channel.EMAIL, user.getEmail(), partition, user.getEmail(),
                    () -> messaging.email(user.getEmail(), message));
            went.add(Channel.EMAIL);
        }
        if (channels.contains(Channel.SMS) && user.getPhone() != null) {
            once(request, Channel.SMS, user.getPhone(), partition, lastDigits(user.getPhone()),
                    () -> messaging.sms(user.getPhone(), message));
            went.add(Channel.SMS);
        }
        if (channels.contains(Channel.PUSH)) {
            for (DeviceItem device : devices.devices(user.getId())) {
                if (device.getEndpointArn() == null) continue;
                once(request, Channel.PUSH, device.getDeviceId(), partition, device.getDeviceId(),
                        () -> messaging.push(device.getEndpointArn(), message));
                went.add(Channel.PUSH);
            }
        }
        // The user's history (and their devices online) has every notification, once, whatever the channels.
        idempotency.once(HISTORY_SCOPE, request.id(), request.id(), SEND_WINDOW, () -> {
            history.record(request, message.subject(), message.body(), went);
            return "recorded";
        });
    }

    /**
     * Sends at most once per request, channel and target, and records the delivery. A push endpoint that SNS
     * has disabled is recorded as such and skipped: a stale phone must not hold back the rest.
     */
    private void once(NotificationRequest request, Channel channel, String target, String partition, String shownTarget,
                      Supplier<String> send) {
        String key = request.id() + "#" + channel + "#" + target;
        idempotency.once(SEND_SCOPE, key, key, SEND_WINDOW, () -> {
            String status = DeliveryItem.SENT;
            String messageId = null;
            try {
                messageId = send.get();
            } catch (EndpointDisabledException e) {
                LOG.info("Push endpoint of device {} is disabled; skipped", shownTarget);
                status = DeliveryItem.ENDPOINT_DISABLED;
            }
            record(request, channel, partition, shownTarget, status, messageId);
            if (DeliveryItem.SENT.equals(status)) Observability.count("NotificationsSent", "Channel", channel.name().toLowerCase(java.util.Locale.ROOT));
            return status;
        });
    }

    private void record(NotificationRequest request, Channel channel, String partition, String target, String status,
                        String messageId) {
        Instant now = clock.instant();
        DeliveryItem delivery = new DeliveryItem();
        delivery.setDeliveryId(Ids.newId());
        delivery.setPk(partition);
        delivery.setSk(DeliveryItem.SK_PREFIX + now + "#" + delivery.getDeliveryId());
        delivery.setTtl(now.plus(KEEP_DELIVERIES).getEpochSecond());
        delivery.setRequestId(request.id());
        delivery.setChannel(channel.name());
        delivery.setTarget(target);
        delivery.setCategory(request.category().name());
        delivery.setTemplate(request.template());
        delivery.setStatus(status);
        delivery.setProviderMessageId(messageId);
        delivery.setSentAt(now.toString());
        table.of(DeliveryItem.class).putItem(delivery);
    }

    private static String lastDigits(String phone) {
        return "…" + phone.substring(Math.max(0, phone.length() - 3));
    }
}
