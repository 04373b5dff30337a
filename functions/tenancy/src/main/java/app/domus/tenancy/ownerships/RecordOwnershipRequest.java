package app.domus.tenancy.ownerships;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;

/** Body of {@code POST /units/{unitId}/ownerships}: who owns which share of the building through this unit. */
public record RecordOwnershipRequest(String ownerId, String share) implements Validated {
    @Override
    public void validate(Validator v) {
        v.id("ownerId", ownerId, true);
        if (!v.required("share", share)) return;
        boolean valid = Share.parse(share).filter(s -> s.isPositive() && !s.exceedsWhole()).isPresent();
        v.check(valid, "share", "must be a fraction such as 125/1000, more than 0 and at most 1");
    }

    Share parsedShare() {
        return Share.parse(share).orElseThrow();
    }
}
