package app.domus.delegations;

import app.domus.shared.directory.DelegatedRight;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Body of {@code POST /delegations}: whom (by e-mail), which of the owner's rights (wire names such as
 * {@code vote}, {@code view_finances}), for which unit, and until when. Whether the expiry is in the future
 * needs the clock, so the service checks that.
 */
public record CreateDelegationRequest(String delegateEmail, List<String> rights, String unitId, String expiresAt)
        implements Validated {

    @Override
    public void validate(Validator v) {
        int before = v.errors().size();
        v.email("delegateEmail", delegateEmail);
        // The address pattern admits braces and backticks, which nothing Domus quotes in a message should carry.
        if (v.errors().size() == before) v.text("delegateEmail", delegateEmail, 3, 254, true);
        v.id("unitId", unitId, true);
        if (v.required("rights", rights)) {
            v.size("rights", rights, 1, DelegatedRight.values().length);
            Set<DelegatedRight> seen = EnumSet.noneOf(DelegatedRight.class);
            for (int i = 0; i < rights.size(); i++) {
                DelegatedRight right = v.oneOf("rights." + i, rights.get(i), DelegatedRight.class, true);
                if (right != null && !seen.add(right)) v.error("rights." + i, "names a right twice");
            }
        }
        if (v.required("expiresAt", expiresAt) && parse(expiresAt) == null) {
            v.error("expiresAt", "must be a date and time with an offset, such as 2026-12-31T23:59:59Z");
        }
    }

    String normalisedEmail() {
        return delegateEmail.strip().toLowerCase(Locale.ROOT);
    }

    /** The rights as {@link DelegatedRight} names, the form the delegation item and the access service use. */
    Set<String> rightNames() {
        return rights.stream().map(r -> DelegatedRight.valueOf(r.toUpperCase(Locale.ROOT)).name()).collect(Collectors.toSet());
    }

    Instant expiry() {
        return parse(expiresAt);
    }

    private static Instant parse(String value) {
        if (value.length() > 40) return null;
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
