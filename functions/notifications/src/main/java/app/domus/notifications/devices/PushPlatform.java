package app.domus.notifications.devices;

import java.util.regex.Pattern;

/** Where a device's push token comes from, and what such a token looks like. */
public enum PushPlatform {
    /** Firebase Cloud Messaging registration token (Android, and iOS apps that use Firebase). */
    FCM(Pattern.compile("^[A-Za-z0-9_:.-]{20,4096}$")),
    /** Apple Push Notification service device token, hex-encoded. */
    APNS(Pattern.compile("^[0-9A-Fa-f]{64,200}$"));

    private final Pattern token;

    PushPlatform(Pattern token) {
        this.token = token;
    }

    public boolean accepts(String value) {
        return value != null && token.matcher(value).matches();
    }
}
