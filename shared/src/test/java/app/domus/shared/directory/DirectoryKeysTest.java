package app.domus.shared.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.live.LiveTopicItem;
import app.domus.shared.uploads.UploadItem;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The keys of the kernel's items, as {@code shared/TABLE_DESIGN.md} lays them out: every query of the platform relies on them. */
class DirectoryKeysTest {
    private static final String NOW = "2026-12-02T01:00:00Z";

    @Test
    void anOrganisationIsKeyedByItsIdAndKeepsWhatItWasMadeWith() {
        OrganisationItem org = OrganisationItem.of("o1", "Acme", "u1", NOW);
        assertThat(keys(org)).isEqualTo("ORG#o1|PROFILE|null|null|null|null");
        assertThat(org.getId()).isEqualTo("o1");
        assertThat(org.getName()).isEqualTo("Acme");
        assertThat(org.getCreatedBy()).isEqualTo("u1");
        assertThat(org.getCreatedAt()).isEqualTo(NOW);
    }

    @Test
    void aBuildingIsListedUnderItsOrganisation() {
        BuildingItem building = BuildingItem.of("b1", "o1", "Main St 1", NOW);
        assertThat(keys(building)).isEqualTo("BUILDING#b1|PROFILE|ORG#o1#BUILDINGS|b1|null|null");
        assertThat(building.getId()).isEqualTo("b1");
        assertThat(building.getOrganisationId()).isEqualTo("o1");
        assertThat(building.getName()).isEqualTo("Main St 1");
        assertThat(building.getCreatedAt()).isEqualTo(NOW);
    }

    @Test
    void aUnitIsListedUnderItsBuildingByItsNormalisedNumber() {
        UnitItem unit = UnitItem.of("u7", BuildingItem.of("b1", "o1", "Main St 1", NOW), "  2a \t north ", NOW);
        assertThat(keys(unit)).isEqualTo("UNIT#u7|PROFILE|BUILDING#b1#UNITS|2A NORTH|null|null");
        assertThat(unit.getId()).isEqualTo("u7");
        assertThat(unit.getOrganisationId()).isEqualTo("o1");
        assertThat(unit.getBuildingId()).isEqualTo("b1");
        assertThat(unit.getNumber()).isEqualTo("2a \t north");
        assertThat(unit.getCreatedAt()).isEqualTo(NOW);
    }

    @Test
    void aMembershipIsScopedToItsUnitElseItsBuildingElseItsOrganisation() {
        MembershipItem tenant = MembershipItem.of("u1", "o1", Role.TENANT, "b1", "n1", NOW);
        assertThat(keys(tenant)).isEqualTo("USER#u1|MEMBER#o1#TENANT#n1|ORG#o1#MEMBERS|u1#TENANT#n1|BUILDING#b1#MEMBERS|TENANT#u1");
        assertThat(tenant.getUserId()).isEqualTo("u1");
        assertThat(tenant.getOrganisationId()).isEqualTo("o1");
        assertThat(tenant.roleValue()).isEqualTo(Role.TENANT);
        assertThat(tenant.getBuildingId()).isEqualTo("b1");
        assertThat(tenant.getUnitId()).isEqualTo("n1");
        assertThat(tenant.getCreatedAt()).isEqualTo(NOW);

        MembershipItem manager = MembershipItem.of("u2", "o1", Role.MANAGER, "b1", null, NOW);
        assertThat(keys(manager)).isEqualTo("USER#u2|MEMBER#o1#MANAGER#b1|ORG#o1#MEMBERS|u2#MANAGER#b1|BUILDING#b1#MEMBERS|MANAGER#u2");

        MembershipItem admin = MembershipItem.of("u3", "o1", Role.ORG_ADMIN, null, null, NOW);
        assertThat(keys(admin)).as("an organisation-wide role is in no building's list")
                .isEqualTo("USER#u3|MEMBER#o1#ORG_ADMIN#o1|ORG#o1#MEMBERS|u3#ORG_ADMIN#o1|null|null");
    }

    @Test
    void theOtherKernelKeysAreAsTheTableDesignHasThem() {
        assertThat(UserItem.pk("u1")).isEqualTo("USER#u1");
        assertThat(EmailItem.pk("Ann.Smith@Example.COM")).isEqualTo("EMAIL#ann.smith@example.com");
        assertThat(InvitationItem.pk("K7QM")).isEqualTo("INVITATION#K7QM");
        assertThat(InvitationItem.byOrganisation("o1")).isEqualTo("ORG#o1#INVITATIONS");
        assertThat(OwnershipItem.sk("u1")).isEqualTo("OWNER#u1");
        assertThat(OwnershipItem.byOwner("u1")).isEqualTo("USER#u1#OWNS");
        assertThat(OwnershipItem.byBuilding("b1")).isEqualTo("BUILDING#b1#OWNERSHIPS");
        assertThat(DelegationItem.pk("d1")).isEqualTo("DELEGATION#d1");
        assertThat(DelegationItem.receivedBy("u1")).isEqualTo("USER#u1#RECEIVED");
        assertThat(DelegationItem.receivedByEmail("Ann@Example.com")).isEqualTo("EMAIL#ann@example.com#RECEIVED");
        assertThat(DelegationItem.givenBy("u1")).isEqualTo("USER#u1#GIVEN");
        assertThat(DelegationItem.forUnit("n1")).isEqualTo("UNIT#n1#");
        assertThat(UploadItem.pk("up1")).isEqualTo("UPLOAD#up1");
        assertThat(UploadItem.objectKey("u1", "up1")).isEqualTo("uploads/u1/up1");
        assertThat(LiveTopicItem.pk("vote:v1")).isEqualTo("TOPIC#vote:v1");
    }

    @Test
    void aUserHasMfaOnlyWhenItIsEnabledAndAVerifiedAddressOnlyOnceVerified() {
        UserItem user = new UserItem();
        assertThat(user.mfaOn()).isFalse();
        assertThat(user.emailVerified()).isFalse();
        user.setMfaEnabled(false);
        assertThat(user.mfaOn()).isFalse();
        user.setMfaEnabled(true);
        user.setEmailVerifiedAt(NOW);
        assertThat(user.mfaOn()).isTrue();
        assertThat(user.emailVerified()).isTrue();
    }

    @Test
    void aDelegationGrantsOnlyAnAcceptedRightBeforeItExpires() {
        Instant now = Instant.parse(NOW);
        DelegationItem d = new DelegationItem();
        d.setStatus(DelegationItem.ACCEPTED);
        d.setRights(Set.of("VOTE"));
        assertThat(d.grants(DelegatedRight.VOTE, now)).as("no expiry").isTrue();
        assertThat(d.grants(DelegatedRight.PAY, now)).as("a right not given").isFalse();
        d.setExpiresAt("2026-12-02T01:00:01Z");
        assertThat(d.grants(DelegatedRight.VOTE, now)).as("before it expires").isTrue();
        d.setExpiresAt(NOW);
        assertThat(d.grants(DelegatedRight.VOTE, now)).as("at its expiry").isFalse();
        d.setExpiresAt(null);
        d.setStatus(DelegationItem.PENDING);
        assertThat(d.grants(DelegatedRight.VOTE, now)).as("not accepted").isFalse();
        d.setStatus(DelegationItem.ACCEPTED);
        d.setRights(null);
        assertThat(d.grants(DelegatedRight.VOTE, now)).as("no rights").isFalse();
    }

    @Test
    void aLiveTopicIsKeyedByItsNameAndAdmitsItsMembersOnlyOnceItHasAList() {
        LiveTopicItem topic = LiveTopicItem.of("vote:v1", "o1", "b1", NOW);
        assertThat(keys(topic)).isEqualTo("TOPIC#vote:v1|TOPIC|null|null|null|null");
        assertThat(topic.getName()).isEqualTo("vote:v1");
        assertThat(topic.getOrganisationId()).isEqualTo("o1");
        assertThat(topic.getBuildingId()).isEqualTo("b1");
        assertThat(topic.getCreatedAt()).isEqualTo(NOW);
        assertThat(topic.admits("u1")).as("no list: the caller decides").isNull();
        topic.setMemberIds(java.util.List.of("u1"));
        assertThat(topic.admits("u1")).isTrue();
        assertThat(topic.admits("u2")).isFalse();
    }

    static String keys(app.domus.shared.persistence.TableItem item) {
        return String.join("|", String.valueOf(item.getPk()), String.valueOf(item.getSk()), String.valueOf(item.getGsi1pk()),
                String.valueOf(item.getGsi1sk()), String.valueOf(item.getGsi2pk()), String.valueOf(item.getGsi2sk()));
    }
}
