package app.domus.tenancy.invitations;

import app.domus.shared.directory.Role;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.util.Locale;

/**
 * Body of {@code POST /invitations}. The role decides the scope: an organisation admin is invited to the
 * organisation, a manager or technician to a building, an owner or tenant to a unit (whose building follows
 * from the unit).
 */
public record CreateInvitationRequest(String organisationId, String role, String buildingId, String unitId,
                                      String email, Integer expiresInDays) implements Validated {
    static final int DEFAULT_DAYS = 7;

    @Override
    public void validate(Validator v) {
        v.id("organisationId", organisationId, true);
        v.id("buildingId", buildingId, false);
        v.id("unitId", unitId, false);
        if (email != null) v.email("email", email);
        v.range("expiresInDays", expiresInDays, 1, 30, false);
        Role parsed = v.oneOf("role", role, Role.class, true);
        if (parsed == null) return;
        switch (parsed.scope()) {
            case ORGANISATION -> {
                v.check(buildingId == null, "buildingId", "must be left out for role " + parsed.wire());
                v.check(unitId == null, "unitId", "must be left out for role " + parsed.wire());
            }
            case BUILDING -> {
                v.required("buildingId", buildingId);
                v.check(unitId == null, "unitId", "must be left out for role " + parsed.wire());
            }
            case UNIT -> {
                v.required("unitId", unitId);
                v.check(buildingId == null, "buildingId", "follows from the unit; leave it out");
            }
        }
    }

    Role roleValue() {
        return Role.valueOf(role.toUpperCase(Locale.ROOT));
    }

    int days() {
        return expiresInDays == null ? DEFAULT_DAYS : expiresInDays;
    }
}
