package app.domus.votes.vote;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Body of {@code POST /votes}. Times are ISO-8601 date-times with an offset ({@code 2026-05-01T18:00:00Z}), kept to
 * the second; without {@code startsAt} the vote opens at once.
 */
public record CreateVoteRequest(String buildingId, String title, String description, List<OptionInput> options,
                                SettingsInput settings, String startsAt, String endDate) implements Validated {
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 10;

    /** One answer ballots may choose. */
    public record OptionInput(String label) {}

    /**
     * @param weighting          {@code share} (by ownership share) or {@code unit} (one per unit)
     * @param quorum             the share of the total weight that must take part, {@code 1/2} or {@code 0.5}
     * @param allowBallotChanges whether a ballot may be changed before the end (default false)
     * @param secret             whether nobody may see who voted what (default false)
     */
    public record SettingsInput(String weighting, String quorum, Boolean allowBallotChanges, Boolean secret) {}

    @Override
    public void validate(Validator v) {
        v.id("buildingId", buildingId, true);
        v.text("title", title, 3, 200, true);
        v.text("description", description, 0, 5000, false);
        validateOptions(v);
        if (v.required("settings", settings)) {
            v.oneOf("settings.weighting", settings.weighting(), Weighting.class, true);
            if (v.required("settings.quorum", settings.quorum())) {
                v.check(parsedQuorum().filter(q -> q.compareTo(BigFraction.ONE) <= 0).isPresent(), "settings.quorum",
                        "must be a share of the total weight from 0 to 1, such as 1/2 or 0.5");
            }
        }
        instant(v, "startsAt", startsAt, false);
        instant(v, "endDate", endDate, true);
    }

    private void validateOptions(Validator v) {
        if (!v.required("options", options)) return;
        v.size("options", options, MIN_OPTIONS, MAX_OPTIONS);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            OptionInput option = options.get(i);
            String field = "options." + i + ".label";
            if (option == null) {
                v.error(field, "is required");
                continue;
            }
            v.text(field, option.label(), 1, 200, true);
            if (option.label() != null && !seen.add(option.label().strip().toLowerCase(Locale.ROOT))) {
                v.error(field, "repeats another option");
            }
        }
    }

    private static void instant(Validator v, String field, String value, boolean required) {
        if (value == null) {
            if (required) v.error(field, "is required");
            return;
        }
        if (value.length() > 40 || parse(value).isEmpty()) {
            v.error(field, "must be a date-time with an offset, such as 2026-05-01T18:00:00Z");
        }
    }

    private static Optional<Instant> parse(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    Weighting weighting() {
        return Weighting.valueOf(settings.weighting().toUpperCase(Locale.ROOT));
    }

    Optional<BigFraction> parsedQuorum() {
        return Fractions.parse(settings.quorum());
    }

    Optional<Instant> start() {
        return startsAt == null ? Optional.empty() : parse(startsAt);
    }

    Instant end() {
        return parse(endDate).orElseThrow();
    }
}
