package app.domus.listings.enrichment;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What enrichment may suggest: detected features (facts about the property a buyer filters by) and tags (how it feels
 * to live there). Fixed lists, so that no model, and nothing written in a description, can make up a value the portal
 * does not know.
 */
public final class Vocabulary {
    public enum Kind {
        FEATURE, TAG;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A suggestion's label; its id in the API is its kind and value, e.g. {@code feature-balcony}, {@code tag-quiet}. */
    public record Label(Kind kind, String value) {
        public String id() {
            return kind.wire() + "-" + value;
        }

        public static Optional<Label> parse(String id) {
            if (id == null) return Optional.empty();
            int colon = id.indexOf('-');
            if (colon < 0) return Optional.empty();
            String kind = id.substring(0, colon);
            String value = id.substring(colon + 1);
            for (Kind k : Kind.values()) {
                if (k.wire().equals(kind) && valuesOf(k).contains(value)) return Optional.of(new Label(k, value));
            }
            return Optional.empty();
        }
    }

    public static final List<String> FEATURES = List.of("balcony", "terrace", "garden", "parking", "garage", "elevator", "pool",
            "fireplace", "air-conditioning", "furnished", "pets-allowed", "cellar", "sea-view", "mountain-view", "renovated",
            "new-build", "wheelchair-accessible", "floor-heating");
    public static final List<String> TAGS = List.of("family-friendly", "luxury", "quiet", "central", "bright", "investment",
            "student-friendly", "cosy");

    private Vocabulary() {}

    public static List<String> valuesOf(Kind kind) {
        return kind == Kind.FEATURE ? FEATURES : TAGS;
    }

    /** The label a bare value names ({@code balcony} is a feature, {@code quiet} a tag), if it is one. */
    public static Optional<Label> named(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
        if (FEATURES.contains(v)) return Optional.of(new Label(Kind.FEATURE, v));
        if (TAGS.contains(v)) return Optional.of(new Label(Kind.TAG, v));
        return Optional.empty();
    }
}
