package app.domus.tenancy.buildings;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;

/** Body of {@code PATCH /buildings/{buildingId}}: the fields to change. An address is replaced as a whole. */
public record UpdateBuildingRequest(String name, AddressInput address) implements Validated {
    @Override
    public void validate(Validator v) {
        v.check(name != null || address != null, "body", "must change name or address");
        v.text("name", name, 1, 120, false);
        if (address != null) address.validate(v, "address");
    }
}
