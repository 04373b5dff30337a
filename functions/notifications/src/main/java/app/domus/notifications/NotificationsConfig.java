package app.domus.notifications;

import app.domus.notifications.devices.PushPlatform;
import app.domus.shared.config.Env;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The notification functions' own settings, read once when the component is built. A push platform without
 * an SNS platform application is not an error: devices on it are kept, but receive no push.
 */
@Singleton
public class NotificationsConfig {
    private final String senderEmail = Env.optional("SENDER_EMAIL").orElse(null);
    private final String fcmApplicationArn = Env.optional("PUSH_PLATFORM_APPLICATION_ARN").orElse(null);
    private final String apnsApplicationArn = Env.optional("APNS_PLATFORM_APPLICATION_ARN").orElse(null);

    @Inject
    public NotificationsConfig() {
        // values are read by the field initialisers
    }

    public String senderEmail() {
        if (senderEmail == null) throw new IllegalStateException("Missing environment variable SENDER_EMAIL");
        return senderEmail;
    }

    /** The SNS platform application that turns this platform's device tokens into endpoints, if there is one. */
    public Optional<String> platformApplicationArn(PushPlatform platform) {
        return Optional.ofNullable(switch (platform) {
            case FCM -> fcmApplicationArn;
            case APNS -> apnsApplicationArn;
        });
    }
}
