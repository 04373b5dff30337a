package app.domus.notifications.preferences;

import app.domus.shared.notify.Category;
import app.domus.shared.notify.Channel;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The channels a person wants per category. What they never set is the default, e-mail and push on and
 * SMS off (SMS costs money per message and interrupts most). A category added to the platform later
 * starts at the default for everyone.
 */
public final class Preferences {
    static final Set<Channel> DEFAULT = EnumSet.of(Channel.EMAIL, Channel.PUSH);

    private final Map<Category, Set<Channel>> enabled;

    private Preferences(Map<Category, Set<Channel>> enabled) {
        this.enabled = enabled;
    }

    public static Preferences defaults() {
        return of(Map.of());
    }

    /** From the wire (or stored) shape: category name → channel name → on/off; anything unnamed is the default. */
    public static Preferences of(Map<String, Map<String, Boolean>> switches) {
        Map<Category, Set<Channel>> enabled = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            Map<String, Boolean> channels = switches == null ? null : switches.get(wire(category));
            Set<Channel> on = EnumSet.noneOf(Channel.class);
            for (Channel channel : Channel.values()) {
                Boolean value = channels == null ? null : channels.get(wire(channel));
                if (value == null ? DEFAULT.contains(channel) : value) on.add(channel);
            }
            enabled.put(category, on);
        }
        return new Preferences(enabled);
    }

    public Set<Channel> channelsFor(Category category) {
        return EnumSet.copyOf(enabled.get(category));
    }

    /** Every category with every channel's switch, in declaration order. */
    public Map<String, Map<String, Boolean>> toWire() {
        Map<String, Map<String, Boolean>> out = new LinkedHashMap<>();
        enabled.forEach((category, on) -> {
            Map<String, Boolean> channels = new LinkedHashMap<>();
            for (Channel channel : Channel.values()) channels.put(wire(channel), on.contains(channel));
            out.put(wire(category), channels);
        });
        return out;
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
