package app.domus.notifications.preferences;

import app.domus.shared.notify.Category;
import app.domus.shared.notify.Channel;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code PUT /me/notification-preferences}: the whole set of switches. Categories and channels it
 * leaves out return to their defaults. Account messages (sign-in, security, invitations) must stay on e-mail.
 */
public record PreferencesRequest(Map<String, Map<String, Boolean>> categories) implements Validated {
    private static final List<String> CATEGORIES = Arrays.stream(Category.values()).map(Preferences::wire).toList();
    private static final List<String> CHANNELS = Arrays.stream(Channel.values()).map(Preferences::wire).toList();

    @Override
    public void validate(Validator v) {
        if (!v.required("categories", categories)) return;
        // Unknown names are not echoed back: the field paths stay ones the API defines.
        if (!CATEGORIES.containsAll(categories.keySet())) {
            v.error("categories", "must only name the categories " + String.join(", ", CATEGORIES));
            return;
        }
        categories.forEach((category, channels) -> {
            String field = "categories." + category;
            if (!v.required(field, channels)) return;
            if (!CHANNELS.containsAll(channels.keySet())) {
                v.error(field, "must only name the channels " + String.join(", ", CHANNELS));
                return;
            }
            channels.forEach((channel, on) -> v.check(on != null, field + "." + channel, "must be true or false"));
        });
        Map<String, Boolean> account = categories.get(Preferences.wire(Category.ACCOUNT));
        boolean accountEmailOff = account != null && Boolean.FALSE.equals(account.get(Preferences.wire(Channel.EMAIL)));
        v.check(!accountEmailOff, "categories.account.email", "cannot be turned off: account messages always go by e-mail");
    }
}
