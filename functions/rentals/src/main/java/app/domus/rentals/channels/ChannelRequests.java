package app.domus.rentals.channels;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.net.URI;

/** The channel requests' bodies. */
public final class ChannelRequests {
    private ChannelRequests() {}

    /**
     * {@code POST /units/{unitId}/channels}: {@code {type: "channel-manager", name, propertyId, apiKey}} (a property at the
     * channel manager that carries the unit's Airbnb and Booking.com listings) or {@code {type: "ical", name, feedUrl}}.
     * The API key and the feed's address are credentials: kept in the credential store, never answered.
     */
    public record Connect(String type, String name, String propertyId, String apiKey, String feedUrl) implements Validated {
        @Override
        public void validate(Validator v) {
            if (!v.required("type", type)) return;
            v.text("name", name, 1, 100, false);
            switch (type) {
                case ChannelItem.MANAGER -> {
                    v.matches("propertyId", propertyId, java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}"), "is not a property id", true);
                    v.text("apiKey", apiKey, 8, 512, true);
                }
                case ChannelItem.ICAL -> v.check(isHttpUrl(feedUrl), "feedUrl", "must be an http or https address");
                default -> v.error("type", "must be channel-manager or ical");
            }
        }
    }

    static boolean isHttpUrl(String value) {
        if (value == null || value.length() > 2000) return false;
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
