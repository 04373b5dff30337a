package app.domus.shared.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.auth.Caller;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.OrganisationItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.TestPlatform;
import app.domus.shared.directory.DelegatedRight;
import app.domus.shared.directory.DelegationItem;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessServiceTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private DomusTable table;
    private AccessService access;

    @BeforeEach
    void seed() {
        table = new DomusTable(LocalDynamo.enhanced(), TestPlatform.config());
        access = new AccessService(table, Clock.fixed(NOW, ZoneOffset.UTC));
        org("org1");
        org("org2");
        building("b1", "org1");
        building("b2", "org1");
        unit("u1", "b1", "org1");
        unit("u2", "b1", "org1");
        member("admin", "org1", Role.ORG_ADMIN, null, null);
        member("manager", "org1", Role.MANAGER, "b1", null);
        member("tech", "org1", Role.TECHNICIAN, "b1", null);
        member("owner", "org1", Role.OWNER, "b1", "u1");
        member("outsider", "org2", Role.ORG_ADMIN, null, null);
    }

    @Test
    void outsidersSeeNothingOfAnotherOrganisation() {
        assertStatus(() -> access.organisation(caller("outsider"), "org1", Action.READ), ProblemType.NOT_FOUND);
        assertStatus(() -> access.building(caller("outsider"), "b1", Action.READ), ProblemType.NOT_FOUND);
        assertStatus(() -> access.unit(caller("outsider"), "u1", Action.READ), ProblemType.NOT_FOUND);
        assertStatus(() -> access.building(caller("admin"), "does-not-exist", Action.READ), ProblemType.NOT_FOUND);
    }

    @Test
    void adminMayDoEverythingInTheOrganisation() {
        assertThat(access.organisation(caller("admin"), "org1", Action.MANAGE).getId()).isEqualTo("org1");
        assertThat(access.building(caller("admin"), "b2", Action.MANAGE).getId()).isEqualTo("b2");
        assertThat(access.unit(caller("admin"), "u2", Action.MANAGE).getId()).isEqualTo("u2");
    }

    @Test
    void managerManagesTheirBuildingOnly() {
        assertThat(access.building(caller("manager"), "b1", Action.MANAGE)).isNotNull();
        assertThat(access.unit(caller("manager"), "u2", Action.MANAGE)).isNotNull();
        assertStatus(() -> access.building(caller("manager"), "b2", Action.READ), ProblemType.FORBIDDEN);
        assertStatus(() -> access.organisation(caller("manager"), "org1", Action.MANAGE), ProblemType.FORBIDDEN);
        assertThat(access.organisation(caller("manager"), "org1", Action.INVITE)).isNotNull();
    }

    @Test
    void residentsReadTheirOwnUnitAndBuildingOnly() {
        assertThat(access.unit(caller("owner"), "u1", Action.READ)).isNotNull();
        assertThat(access.building(caller("owner"), "b1", Action.READ)).isNotNull();
        assertStatus(() -> access.unit(caller("owner"), "u2", Action.READ), ProblemType.FORBIDDEN);
        assertStatus(() -> access.unit(caller("owner"), "u1", Action.MANAGE), ProblemType.FORBIDDEN);
        assertStatus(() -> access.building(caller("owner"), "b1", Action.MANAGE), ProblemType.FORBIDDEN);
    }

    @Test
    void ownershipSharesAreForAdminsManagersAndOwnersOfTheBuilding() {
        assertThat(access.building(caller("admin"), "b1", Action.VIEW_SHARES)).isNotNull();
        assertThat(access.building(caller("manager"), "b1", Action.VIEW_SHARES)).isNotNull();
        assertThat(access.building(caller("owner"), "b1", Action.VIEW_SHARES)).isNotNull();
        assertStatus(() -> access.building(caller("tech"), "b1", Action.VIEW_SHARES), ProblemType.FORBIDDEN);
    }

    @Test
    void ownersExerciseTheirOwnRights() {
        var act = access.ownerRight(caller("owner"), "u1", DelegatedRight.VOTE);
        assertThat(act.ownerId()).isEqualTo("owner");
        assertThat(act.delegationId()).isNull();
    }

    @Test
    void aDelegateActsForTheOwnerWithTheRightsGivenAndNothingMore() {
        delegation("d1", "owner", "friend", "u1", DelegationItem.ACCEPTED, NOW.plusSeconds(3600), "VOTE");
        var act = access.ownerRight(caller("friend"), "u1", DelegatedRight.VOTE);
        assertThat(act.ownerId()).isEqualTo("owner");
        assertThat(act.delegationId()).isEqualTo("d1");
        assertStatus(() -> access.ownerRight(caller("friend"), "u1", DelegatedRight.PAY), ProblemType.NOT_FOUND);
        assertStatus(() -> access.ownerRight(caller("friend"), "u2", DelegatedRight.VOTE), ProblemType.NOT_FOUND);
    }

    @Test
    void expiredPendingAndRevokedDelegationsGrantNothing() {
        delegation("d1", "owner", "late", "u1", DelegationItem.ACCEPTED, NOW.minusSeconds(1), "VOTE");
        delegation("d2", "owner", "waiting", "u1", DelegationItem.PENDING, NOW.plusSeconds(3600), "VOTE");
        delegation("d3", "owner", "revoked", "u1", DelegationItem.REVOKED, NOW.plusSeconds(3600), "VOTE");
        for (String who : new String[] {"late", "waiting", "revoked"}) {
            assertStatus(() -> access.ownerRight(caller(who), "u1", DelegatedRight.VOTE), ProblemType.NOT_FOUND);
        }
    }

    @Test
    void aDelegationEndsWhenTheOwnerNoLongerOwnsTheUnit() {
        delegation("d1", "tech", "friend", "u1", DelegationItem.ACCEPTED, NOW.plusSeconds(3600), "VOTE");
        assertStatus(() -> access.ownerRight(caller("friend"), "u1", DelegatedRight.VOTE), ProblemType.NOT_FOUND);
    }

    @Test
    void membersWithoutTheRightAreForbiddenAndOutsidersSeeNothing() {
        assertStatus(() -> access.ownerRight(caller("tech"), "u1", DelegatedRight.VOTE), ProblemType.FORBIDDEN);
        assertStatus(() -> access.ownerRight(caller("outsider"), "u1", DelegatedRight.VOTE), ProblemType.NOT_FOUND);
    }

    private void delegation(String id, String ownerId, String delegateId, String unitId, String status, Instant expires,
                            String... rights) {
        DelegationItem d = new DelegationItem();
        d.setPk(DelegationItem.pk(id));
        d.setSk(DelegationItem.SK);
        d.setId(id);
        d.setOrganisationId("org1");
        d.setBuildingId("b1");
        d.setUnitId(unitId);
        d.setOwnerId(ownerId);
        d.setDelegateId(delegateId);
        d.setRights(Set.of(rights));
        d.setStatus(status);
        d.setExpiresAt(expires.toString());
        d.setGsi1pk(DelegationItem.receivedBy(delegateId));
        d.setGsi1sk(DelegationItem.forUnit(unitId) + id);
        table.of(DelegationItem.class).putItem(d);
    }

    @Test
    void techniciansReadTheirBuilding() {
        assertThat(access.unit(caller("tech"), "u2", Action.READ)).isNotNull();
        assertStatus(() -> access.unit(caller("tech"), "u2", Action.MANAGE), ProblemType.FORBIDDEN);
    }

    private static void assertStatus(Runnable call, ProblemType type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(type));
    }

    private static Caller caller(String userId) {
        return new Caller(userId, userId + "@example.test", "s");
    }

    private void org(String id) {
        table.of(OrganisationItem.class).putItem(OrganisationItem.of(id, id, "test", "2026-01-01T00:00:00Z"));
    }

    private void building(String id, String orgId) {
        table.of(BuildingItem.class).putItem(BuildingItem.of(id, orgId, id, "2026-01-01T00:00:00Z"));
    }

    private void unit(String id, String buildingId, String orgId) {
        table.of(UnitItem.class).putItem(UnitItem.of(id, BuildingItem.of(buildingId, orgId, buildingId, "2026-01-01T00:00:00Z"), id, "2026-01-01T00:00:00Z"));
    }

    private void member(String userId, String orgId, Role role, String buildingId, String unitId) {
        table.of(MembershipItem.class).putItem(MembershipItem.of(userId, orgId, role, buildingId, unitId, "2026-01-01T00:00:00Z"));
    }
}
