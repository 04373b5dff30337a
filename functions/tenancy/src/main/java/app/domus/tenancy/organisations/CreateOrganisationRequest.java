package app.domus.tenancy.organisations;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;

/** Body of {@code POST /organisations}. */
public record CreateOrganisationRequest(String name) implements Validated {
    @Override
    public void validate(Validator v) {
        v.text("name", name, 2, 120, true);
    }
}
