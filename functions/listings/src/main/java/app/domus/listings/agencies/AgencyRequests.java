package app.domus.listings.agencies;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;

/** Bodies of the agency routes. */
public final class AgencyRequests {
    private AgencyRequests() {}

    /** {@code POST /agencies}. */
    public record CreateAgency(String name) implements Validated {
        @Override
        public void validate(Validator v) {
            v.text("name", name, 1, 200, true);
        }
    }

    /** {@code POST /agencies/{agencyId}/realtors}: the e-mail address of a person who has an account. */
    public record AddRealtor(String email) implements Validated {
        @Override
        public void validate(Validator v) {
            if (v.required("email", email)) v.email("email", email);
        }
    }
}
