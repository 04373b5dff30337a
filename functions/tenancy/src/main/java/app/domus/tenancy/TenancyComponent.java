package app.domus.tenancy;

import app.domus.shared.access.AccessService;
import app.domus.shared.aws.AwsModule;
import app.domus.tenancy.buildings.BuildingService;
import app.domus.tenancy.invitations.InvitationService;
import app.domus.tenancy.organisations.OrganisationService;
import app.domus.tenancy.ownerships.OwnershipService;
import app.domus.tenancy.technicians.TechnicianService;
import app.domus.tenancy.units.UnitService;
import dagger.Component;
import jakarta.inject.Singleton;

/** Wiring of the tenancy functions, built once per cold start by each handler's public constructor. */
@Singleton
@Component(modules = AwsModule.class)
public interface TenancyComponent {
    app.domus.shared.idempotency.IdempotencyStore idempotency();

    AccessService access();

    OrganisationService organisations();

    BuildingService buildings();

    UnitService units();

    OwnershipService ownerships();

    InvitationService invitations();

    TechnicianService technicians();

    app.domus.tenancy.ai.AiAdministration ai();

    /** The one way to build the wiring: once per cold start, in a handler's public constructor. */
    static TenancyComponent create() {
        return DaggerTenancyComponent.create();
    }
}
