package app.domus.tenancy.invitations;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.domus.shared.directory.InvitationItem;
import app.domus.shared.directory.Role;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.IdempotentCreates;
import app.domus.tenancy.TenancyFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InvitationHandlersTest {
    private final TenancyFixture f = new TenancyFixture();
    private final CreateInvitationHandler create = new CreateInvitationHandler(f.idempotency, f.access, f.invitations);
    private final ListInvitationsHandler list = new ListInvitationsHandler(f.access, f.invitations);

    private static HttpEvents post(String body) {
        return HttpEvents.request("POST", "/invitations").body(body);
    }

    private HttpEvents listOf(String orgId) {
        return HttpEvents.request("GET", "/organisations/" + orgId + "/invitations").pathParam("organisationId", orgId);
    }

    private String forUnit(String role, String unitId) {
        return "{\"organisationId\":\"" + f.orgA + "\",\"role\":\"" + role + "\",\"unitId\":\"" + unitId + "\"}";
    }

    private String forBuilding(String role, String buildingId) {
        return "{\"organisationId\":\"" + f.orgA + "\",\"role\":\"" + role + "\",\"buildingId\":\"" + buildingId + "\"}";
    }

    private String forOrganisation(String role) {
        return "{\"organisationId\":\"" + f.orgA + "\",\"role\":\"" + role + "\"}";
    }

    @Test
    void theSameIdempotencyKeyAgainGetsTheFirstInvitationBack() {
        IdempotentCreates.assertKeyedCreate(create, () -> post(forBuilding("technician", f.buildingA1.getId())).as(f.manager),
                () -> post(forBuilding("technician", f.buildingA1.getId()).replace("}", ",\"expiresInDays\":3}")).as(f.manager), f.events, "InvitationCreated");
    }

    @Test
    void managerInvitesATenantToAUnitOfTheirBuilding() {
        Instant before = Instant.now();
        var response = call(create, post("{\"organisationId\":\"" + f.orgA + "\",\"role\":\"tenant\",\"unitId\":\""
                + f.unitA12.getId() + "\",\"email\":\"new.tenant@example.test\",\"expiresInDays\":3}").as(f.manager));

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode body = json(response);
        String code = body.path("code").asText();
        assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(body.path("role").asText()).isEqualTo("tenant");
        assertThat(body.path("buildingId").asText()).isEqualTo(f.buildingA1.getId());
        assertThat(body.path("unitId").asText()).isEqualTo(f.unitA12.getId());
        Instant expiresAt = Instant.parse(body.path("expiresAt").asText());
        assertThat(expiresAt).isCloseTo(before.plus(Duration.ofDays(3)), within(1, ChronoUnit.MINUTES));

        InvitationItem stored = f.table.get(InvitationItem.class, InvitationItem.pk(code), InvitationItem.SK).orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(InvitationItem.OPEN);
        assertThat(stored.getRole()).isEqualTo("TENANT");
        assertThat(stored.getCreatedBy()).isEqualTo(f.manager);
        assertThat(stored.getTtl()).isEqualTo(expiresAt.plus(Duration.ofDays(30)).getEpochSecond());
        assertThat(f.events.ofType("InvitationCreated")).singleElement().satisfies(e -> {
            assertThat(e.payload().path("code").asText()).isEqualTo(code);
            assertThat(e.payload().path("email").asText()).isEqualTo("new.tenant@example.test");
        });
    }

    @Test
    void invitationsExpireAfterSevenDaysUnlessToldOtherwise() {
        Instant before = Instant.now();
        JsonNode body = json(call(create, post(forBuilding("technician", f.buildingA1.getId())).as(f.manager)));
        assertThat(Instant.parse(body.path("expiresAt").asText()))
                .isCloseTo(before.plus(Duration.ofDays(7)), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void adminInvitesToEveryRole() {
        List<String> bodies = List.of(forOrganisation("org_admin"), forBuilding("manager", f.buildingA2.getId()),
                forBuilding("technician", f.buildingA2.getId()), forUnit("owner", f.unitA21.getId()),
                forUnit("tenant", f.unitA11.getId()));
        for (String body : bodies) {
            assertThat(call(create, post(body).as(f.admin)).getStatusCode()).as(body).isEqualTo(201);
        }
        assertThat(f.events.ofType("InvitationCreated")).hasSize(5);
    }

    @Test
    void managerMayNotInviteAdminsOrManagers() {
        f.assertRefusedUnchanged(create, post(forOrganisation("org_admin")).as(f.manager), 403, "forbidden");
        f.assertRefusedUnchanged(create, post(forBuilding("manager", f.buildingA1.getId())).as(f.manager), 403, "forbidden");
    }

    @Test
    void managerMayNotInviteToAnotherBuilding() {
        f.assertRefusedUnchanged(create, post(forBuilding("technician", f.buildingA2.getId())).as(f.manager), 403, "forbidden");
        f.assertRefusedUnchanged(create, post(forUnit("owner", f.unitA21.getId())).as(f.manager), 403, "forbidden");
    }

    @Test
    void residentsAndTechniciansMayNotInvite() {
        f.assertRefusedUnchanged(create, post(forUnit("tenant", f.unitA11.getId())).as(f.owner), 403, "forbidden");
        f.assertRefusedUnchanged(create, post(forUnit("tenant", f.unitA12.getId())).as(f.tenant), 403, "forbidden");
        f.assertRefusedUnchanged(create, post(forUnit("tenant", f.unitA12.getId())).as(f.technician), 403, "forbidden");
    }

    @Test
    void outsidersAndAnonymousCallersAreRefused() {
        f.assertRefusedUnchanged(create, post(forUnit("tenant", f.unitA12.getId())).as(f.outsider), 404, "not-found");
        f.assertRefusedUnchanged(create, post(forUnit("tenant", f.unitA12.getId())), 401, "unauthorized");
    }

    @Test
    void aUnitOrBuildingOfAnotherOrganisationCannotBeSmuggledIntoThisOne() {
        f.member(f.admin, f.orgB, Role.ORG_ADMIN, null, null);
        f.assertRefusedUnchanged(create, post(forUnit("tenant", f.unitB11.getId())).as(f.admin), 404, "not-found");
        f.assertRefusedUnchanged(create, post(forBuilding("manager", f.buildingB1.getId())).as(f.admin), 404, "not-found");
    }

    @Test
    void scopeMustMatchTheRole() {
        var unitRoleWithBuilding = assertProblem(call(create, post("{\"organisationId\":\"" + f.orgA
                + "\",\"role\":\"owner\",\"buildingId\":\"" + f.buildingA1.getId() + "\"}").as(f.admin)), 400, "validation-error");
        assertThat(fieldErrors(unitRoleWithBuilding)).containsExactlyInAnyOrder("unitId", "buildingId");
        var buildingRoleWithUnit = assertProblem(call(create, post("{\"organisationId\":\"" + f.orgA
                + "\",\"role\":\"technician\",\"unitId\":\"" + f.unitA11.getId() + "\"}").as(f.admin)), 400, "validation-error");
        assertThat(fieldErrors(buildingRoleWithUnit)).containsExactlyInAnyOrder("buildingId", "unitId");
        var adminWithBuilding = assertProblem(call(create, post(forBuilding("org_admin", f.buildingA1.getId())).as(f.admin)),
                400, "validation-error");
        assertThat(fieldErrors(adminWithBuilding)).containsExactly("buildingId");
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"organisationId\":", 400, "malformed-json"),
                Arguments.of("{\"organisationId\":\"ORG\",\"role\":\"tenant\",\"unitId\":\"UNIT\",\"expiresInDays\":\"7\"}", 400, "validation-error"),
                Arguments.of("{\"organisationId\":\"ORG\",\"role\":1,\"unitId\":\"UNIT\"}", 400, "validation-error"),
                Arguments.of("{\"organisationId\":\"ORG\",\"unitId\":\"UNIT\"}", 400, "validation-error"),
                Arguments.of("{\"role\":\"tenant\",\"unitId\":\"UNIT\"}", 400, "validation-error"),
                Arguments.of("{\"organisationId\":\"ORG\",\"role\":\"landlord\",\"unitId\":\"UNIT\"}", 400, "validation-error"),
                Arguments.of("{\"organisationId\":\"ORG\",\"role\":\"tenant\",\"unitId\":\"UNIT\",\"expiresInDays\":0}", 400, "validation-error"),
                Arguments.of("{\"organisationId\":\"ORG\",\"role\":\"tenant\",\"unitId\":\"UNIT\",\"expiresInDays\":31}", 400, "validation-error"),
                Arguments.of("{\"organisationId\":\"ORG\",\"role\":\"tenant\",\"unitId\":\"UNIT\",\"email\":\"not-an-email\"}", 400, "validation-error"),
                Arguments.of("{\"organisationId\":\"ORG\",\"role\":\"tenant\",\"unitId\":\"UNIT\",\"email\":\"<script>@x.io\"}", 400, "validation-error"),
                Arguments.of("{\"organisationId\":\"ORG\",\"role\":\"tenant\",\"unitId\":\"UN\\u0007IT\"}", 400, "validation-error"),
                Arguments.of("{\"organisationId\":\"ORG\",\"role\":\"tenant\",\"unitId\":\"UNIT\",\"email\":\"" + TenancyFixture.oversizeText() + "\"}", 413, "payload-too-large"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesAreRefusedAndStoreNothing(String body, int status, String type) {
        String request = body.replace("ORG", f.orgA).replace("UNIT", f.unitA12.getId());
        f.assertRefusedUnchanged(create, post(request).as(f.admin), status, type);
    }

    @Test
    void adminListsEveryInvitationPageByPage() {
        call(create, post(forOrganisation("org_admin")).as(f.admin));
        f.clock.advance(Duration.ofSeconds(1));
        call(create, post(forBuilding("manager", f.buildingA2.getId())).as(f.admin));
        f.clock.advance(Duration.ofSeconds(1));
        call(create, post(forUnit("tenant", f.unitA12.getId())).as(f.manager));

        List<String> roles = new ArrayList<>();
        String cursor = null;
        do {
            HttpEvents request = listOf(f.orgA).query("limit", "2").as(f.admin);
            if (cursor != null) request.query("cursor", cursor);
            JsonNode page = json(call(list, request));
            page.path("items").forEach(i -> roles.add(i.path("role").asText() + ":" + i.path("status").asText()));
            cursor = page.has("nextCursor") ? page.path("nextCursor").asText() : null;
        } while (cursor != null && roles.size() < 10);

        assertThat(roles).containsExactly("org_admin:OPEN", "manager:OPEN", "tenant:OPEN");
    }

    @Test
    void managerSeesOnlyInvitationsTheyCouldHaveIssued() {
        call(create, post(forOrganisation("org_admin")).as(f.admin));
        call(create, post(forBuilding("manager", f.buildingA1.getId())).as(f.admin));
        call(create, post(forUnit("owner", f.unitA21.getId())).as(f.admin));
        String own = json(call(create, post(forUnit("tenant", f.unitA12.getId())).as(f.admin))).path("code").asText();

        JsonNode page = json(call(list, listOf(f.orgA).as(f.manager)));
        assertThat(page.path("items")).extracting(i -> i.path("code").asText()).containsExactly(own);
    }

    @Test
    void aManagerWhoAlsoOwnsAUnitElsewhereSeesOnlyTheBuildingTheyManage() {
        f.member(f.manager, f.orgA, Role.OWNER, f.buildingA2.getId(), f.unitA21.getId());
        call(create, post(forUnit("tenant", f.unitA21.getId())).as(f.admin));
        String own = json(call(create, post(forUnit("tenant", f.unitA12.getId())).as(f.admin))).path("code").asText();

        JsonNode page = json(call(list, listOf(f.orgA).as(f.manager)));
        assertThat(page.path("items")).extracting(i -> i.path("code").asText()).containsExactly(own);
    }

    @Test
    void malformedIdsInTheBodyAreFieldErrors() {
        var problem = assertProblem(call(create, post("{\"organisationId\":\"" + f.orgA
                + "\",\"role\":\"technician\",\"buildingId\":\"not an id\"}").as(f.admin)), 400, "validation-error");
        assertThat(fieldErrors(problem)).containsExactly("buildingId");
        assertThat(f.events.ofType("InvitationCreated")).isEmpty();
    }

    @Test
    void expiredOpenInvitationShowsAsExpired() {
        call(create, post(forUnit("tenant", f.unitA12.getId())).as(f.admin));
        InvitationItem stored = f.table.allInIndex(InvitationItem.class, "gsi1", InvitationItem.byOrganisation(f.orgA)).getFirst();
        stored.setExpiresAt(Instant.now().minusSeconds(60).toString());
        f.table.of(InvitationItem.class).updateItem(stored);

        JsonNode page = json(call(list, listOf(f.orgA).as(f.admin)));
        assertThat(page.path("items").get(0).path("status").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void listingIsRefusedToResidentsTechniciansOutsidersAndAnonymousCallers() {
        assertProblem(call(list, listOf(f.orgA).as(f.tenant)), 403, "forbidden");
        assertProblem(call(list, listOf(f.orgA).as(f.owner)), 403, "forbidden");
        assertProblem(call(list, listOf(f.orgA).as(f.technician)), 403, "forbidden");
        assertProblem(call(list, listOf(f.orgA).as(f.outsider)), 404, "not-found");
        assertProblem(call(list, listOf(f.orgA)), 401, "unauthorized");
    }
}
