package app.domus.notifications.devices;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.util.Locale;

/** Body of {@code POST /me/devices}. */
public record RegisterDeviceRequest(String platform, String token) implements Validated {
    @Override
    public void validate(Validator v) {
        PushPlatform parsed = v.oneOf("platform", platform, PushPlatform.class, true);
        if (!v.required("token", token) || parsed == null) return;
        v.check(parsed.accepts(token), "token", "is not a " + platform.toLowerCase(Locale.ROOT) + " device token");
    }

    PushPlatform platformValue() {
        return PushPlatform.valueOf(platform.toUpperCase(Locale.ROOT));
    }
}
