package app.domus.listings.enrichment;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.util.Locale;

/** {@code PUT /listings/{listingId}/suggestions/{suggestionId}}: {@code accepted} or {@code rejected}. */
public record Decision(String status) implements Validated {
    public enum Status { ACCEPTED, REJECTED }

    @Override
    public void validate(Validator v) {
        v.oneOf("status", status, Status.class, true);
    }

    String wire() {
        return status.toLowerCase(Locale.ROOT);
    }
}
