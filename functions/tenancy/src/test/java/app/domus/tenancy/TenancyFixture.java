package app.domus.tenancy;

import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.testing.DirectoryWorld;
import app.domus.tenancy.buildings.AddressInput;
import app.domus.tenancy.buildings.BuildingService;
import app.domus.tenancy.buildings.CreateBuildingRequest;
import app.domus.tenancy.invitations.InvitationService;
import app.domus.tenancy.organisations.CreateOrganisationRequest;
import app.domus.tenancy.organisations.OrganisationService;
import app.domus.tenancy.ownerships.OwnershipService;
import app.domus.tenancy.units.CreateUnitRequest;
import app.domus.tenancy.units.UnitService;
import java.time.Instant;

/**
 * The directory world (starting now) with the tenancy services wired to it, and a populated world made through
 * those services: organisation A (building A1 with a manager, a technician, an owner of unit A1-1 and a tenant of
 * unit A1-2; building A2 with its own manager) and organisation B, whose admin is an outsider to A. The events of
 * setting it up are cleared.
 */
public final class TenancyFixture extends DirectoryWorld {
    public final OrganisationService organisations = new OrganisationService(table, outbox, clock);
    public final BuildingService buildings = new BuildingService(table, outbox, clock);
    public final UnitService units = new UnitService(table, outbox, clock);
    public final OwnershipService ownerships = new OwnershipService(table, outbox, clock);
    public final InvitationService invitations = new InvitationService(table, outbox, clock);

    public final String admin = user("Ada Admin");
    public final String manager = user("Mona Manager");
    public final String technician = user("Theo Technician");
    public final String owner = user("Olga Owner");
    public final String tenant = user("Tom Tenant");
    public final String managerOfA2 = user("Max Manager");
    public final String outsider = user("Otto Outsider");

    public final String orgA = organisations.create(caller(admin), new CreateOrganisationRequest("Org A")).getId();
    public final String orgB = organisations.create(caller(outsider), new CreateOrganisationRequest("Org B")).getId();
    public final BuildingItem buildingA1 = created(orgA, "A1");
    public final BuildingItem buildingA2 = created(orgA, "A2");
    public final BuildingItem buildingB1 = created(orgB, "B1");
    public final UnitItem unitA11 = units.create(buildingA1, new CreateUnitRequest("1", 0, 55.5));
    public final UnitItem unitA12 = units.create(buildingA1, new CreateUnitRequest("2", 1, null));
    public final UnitItem unitA21 = units.create(buildingA2, new CreateUnitRequest("1", 0, null));
    public final UnitItem unitB11 = units.create(buildingB1, new CreateUnitRequest("1", 0, null));

    public TenancyFixture() {
        super(Instant.now());
        member(manager, orgA, Role.MANAGER, buildingA1.getId(), null);
        member(technician, orgA, Role.TECHNICIAN, buildingA1.getId(), null);
        member(owner, orgA, Role.OWNER, buildingA1.getId(), unitA11.getId());
        member(tenant, orgA, Role.TENANT, buildingA1.getId(), unitA12.getId());
        member(managerOfA2, orgA, Role.MANAGER, buildingA2.getId(), null);
        events.clear();
    }

    /** A building created through the service, as the API creates it. */
    private BuildingItem created(String orgId, String name) {
        return buildings.create(orgId, new CreateBuildingRequest(name, new AddressInput("Main Street 1", "Berlin", "10115", "DE")));
    }
}
