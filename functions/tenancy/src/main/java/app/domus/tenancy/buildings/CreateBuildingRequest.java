package app.domus.tenancy.buildings;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;

/** Body of {@code POST /organisations/{organisationId}/buildings}. */
public record CreateBuildingRequest(String name, AddressInput address) implements Validated {
    @Override
    public void validate(Validator v) {
        v.text("name", name, 1, 120, true);
        if (v.required("address", address)) address.validate(v, "address");
    }
}
