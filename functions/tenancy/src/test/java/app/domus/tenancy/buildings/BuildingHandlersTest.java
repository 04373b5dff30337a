package app.domus.tenancy.buildings;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.Role;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.IdempotentCreates;
import app.domus.tenancy.TenancyFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BuildingHandlersTest {
    private static final String VALID = """
            {"name":"Garden House","address":{"street":"Lindenstraße 5","city":"Berlin","postalCode":"10969","country":"DE"}}""";

    private final TenancyFixture f = new TenancyFixture();
    private final CreateBuildingHandler create = new CreateBuildingHandler(f.idempotency, f.access, f.buildings);
    private final ListBuildingsHandler list = new ListBuildingsHandler(f.access, f.buildings);
    private final GetBuildingHandler get = new GetBuildingHandler(f.access);
    private final UpdateBuildingHandler update = new UpdateBuildingHandler(f.access, f.buildings);

    private HttpEvents post(String orgId, String body) {
        return HttpEvents.request("POST", "/organisations/" + orgId + "/buildings").pathParam("organisationId", orgId).body(body);
    }

    private HttpEvents listOf(String orgId) {
        return HttpEvents.request("GET", "/organisations/" + orgId + "/buildings").pathParam("organisationId", orgId);
    }

    private HttpEvents getOf(String buildingId) {
        return HttpEvents.request("GET", "/buildings/" + buildingId).pathParam("buildingId", buildingId);
    }

    private HttpEvents patch(String buildingId, String body) {
        return HttpEvents.request("PATCH", "/buildings/" + buildingId).pathParam("buildingId", buildingId).body(body);
    }

    // ---------------------------------------------------------------- create

    @Test
    void theSameIdempotencyKeyAgainGetsTheFirstBuildingBack() {
        IdempotentCreates.assertKeyedCreate(create, () -> post(f.orgA, VALID).as(f.admin),
                () -> post(f.orgA, VALID.replace("Garden House", "Pond House")).as(f.admin), f.events, "BuildingCreated");
    }

    @Test
    void adminCreatesABuildingThatIsStoredAndAnnounced() {
        var response = call(create, post(f.orgA, VALID).as(f.admin));

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode body = json(response);
        String id = body.path("buildingId").asText();
        assertThat(body.path("address").path("city").asText()).isEqualTo("Berlin");
        BuildingItem stored = f.table.get(BuildingItem.class, BuildingItem.pk(id), "PROFILE").orElseThrow();
        assertThat(stored.getOrganisationId()).isEqualTo(f.orgA);
        assertThat(stored.getGsi1pk()).isEqualTo(BuildingItem.byOrganisation(f.orgA));
        assertThat(f.events.ofType("BuildingCreated")).singleElement()
                .satisfies(e -> assertThat(e.payload().path("buildingId").asText()).isEqualTo(id));
    }

    @Test
    void managerMayNotCreateBuildings() {
        f.assertRefusedUnchanged(create, post(f.orgA, VALID).as(f.manager), 403, "forbidden");
    }

    @Test
    void outsiderGets404ForAnotherOrganisation() {
        f.assertRefusedUnchanged(create, post(f.orgA, VALID).as(f.outsider), 404, "not-found");
    }

    @Test
    void creatingWithoutSignInIs401() {
        f.assertRefusedUnchanged(create, post(f.orgA, VALID), 401, "unauthorized");
    }

    static Stream<Arguments> badBodies() {
        String address = "\"address\":{\"street\":\"Main 1\",\"city\":\"Berlin\",\"postalCode\":\"10115\",\"country\":\"DE\"}";
        return Stream.of(
                Arguments.of("{\"name\":\"X\",", 400, "malformed-json"),
                Arguments.of("{\"name\":[1]," + address + "}", 400, "validation-error"),
                Arguments.of("{\"name\":\"X\",\"address\":\"Main 1, Berlin\"}", 400, "validation-error"),
                Arguments.of("{\"name\":\"X\"}", 400, "validation-error"),
                Arguments.of("{\"name\":\"X\",\"address\":{}}", 400, "validation-error"),
                Arguments.of("{\"name\":\"X\",\"address\":{\"street\":\"Main 1\",\"city\":\"Berlin\",\"postalCode\":\"10115\",\"country\":\"XX\"}}", 400, "validation-error"),
                Arguments.of("{\"name\":\"X\",\"address\":{\"street\":\"Main 1\",\"city\":\"Berlin\",\"postalCode\":\"10115\",\"country\":\"de\"}}", 400, "validation-error"),
                Arguments.of("{\"name\":\"<script>alert(1)</script>\"," + address + "}", 400, "validation-error"),
                Arguments.of("{\"name\":\"X\",\"address\":{\"street\":\"Main\\u0000 1\",\"city\":\"Berlin\",\"postalCode\":\"10115\",\"country\":\"DE\"}}", 400, "validation-error"),
                Arguments.of("{\"name\":\"" + TenancyFixture.oversizeText() + "\"," + address + "}", 413, "payload-too-large"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesAreRefusedAndStoreNothing(String body, int status, String type) {
        f.assertRefusedUnchanged(create, post(f.orgA, body).as(f.admin), status, type);
    }

    @Test
    void everyWrongAddressFieldIsReportedAtOnce() {
        var problem = assertProblem(call(create, post(f.orgA,
                "{\"name\":\"X\",\"address\":{\"street\":\"\",\"city\":\"{{city}}\",\"postalCode\":\"!\",\"country\":\"Germany\"}}")
                .as(f.admin)), 400, "validation-error");
        assertThat(fieldErrors(problem)).containsExactlyInAnyOrder(
                "address.street", "address.city", "address.postalCode", "address.country");
    }

    // ---------------------------------------------------------------- list

    @Test
    void adminListsEveryBuildingOfTheOrganisationPageByPage() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpEvents request = listOf(f.orgA).query("limit", "1").as(f.admin);
            if (cursor != null) request.query("cursor", cursor);
            JsonNode body = json(call(list, request));
            body.path("items").forEach(b -> seen.add(b.path("buildingId").asText()));
            cursor = body.path("nextCursor").isMissingNode() ? null : body.path("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 5);

        assertThat(seen).containsExactly(f.buildingA1.getId(), f.buildingA2.getId());
    }

    @Test
    void residentsAndStaffSeeOnlyTheBuildingsTheyBelongTo() {
        for (String member : List.of(f.manager, f.technician, f.owner, f.tenant)) {
            JsonNode body = json(call(list, listOf(f.orgA).as(member)));
            assertThat(body.path("items")).extracting(b -> b.path("buildingId").asText())
                    .as(member).containsExactly(f.buildingA1.getId());
        }
    }

    @Test
    void memberOfSeveralBuildingsPagesThroughThem() {
        f.member(f.manager, f.orgA, Role.MANAGER, f.buildingA2.getId(), null);
        JsonNode first = json(call(list, listOf(f.orgA).query("limit", "1").as(f.manager)));
        JsonNode second = json(call(list, listOf(f.orgA).query("limit", "1")
                .query("cursor", first.path("nextCursor").asText()).as(f.manager)));

        assertThat(first.path("items").get(0).path("buildingId").asText()).isEqualTo(f.buildingA1.getId());
        assertThat(second.path("items").get(0).path("buildingId").asText()).isEqualTo(f.buildingA2.getId());
        assertThat(second.has("nextCursor")).isFalse();
    }

    @Test
    void cursorOfAnotherOrganisationIsRefused() {
        f.member(f.admin, f.orgB, Role.ORG_ADMIN, null, null);
        f.buildings.create(f.orgB, new CreateBuildingRequest("B2", new AddressInput("Main 2", "Berlin", "10115", "DE")));
        String cursorOfB = json(call(list, listOf(f.orgB).query("limit", "1").as(f.admin))).path("nextCursor").asText();

        assertProblem(call(list, listOf(f.orgA).query("cursor", cursorOfB).as(f.admin)), 400, "invalid-cursor");
    }

    @Test
    void cursorWithoutAPositionIsRefused() {
        String partitionOnly = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"gsi1pk\":\"" + BuildingItem.byOrganisation(f.orgA) + "\"}").getBytes(StandardCharsets.UTF_8));

        assertProblem(call(list, listOf(f.orgA).query("cursor", partitionOnly).as(f.manager)), 400, "invalid-cursor");
    }

    @Test
    void listingIsRefusedToOutsidersAndAnonymousCallersAndBadLimits() {
        assertProblem(call(list, listOf(f.orgA).as(f.outsider)), 404, "not-found");
        assertProblem(call(list, listOf(f.orgA)), 401, "unauthorized");
        assertProblem(call(list, listOf(f.orgA).query("limit", "101").as(f.admin)), 400, "validation-error");
    }

    // ---------------------------------------------------------------- get

    @Test
    void memberReadsTheBuildingWithETag() {
        var response = call(get, getOf(f.buildingA1.getId()).as(f.tenant));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).path("name").asText()).isEqualTo("A1");
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
    }

    @Test
    void readingIsRefusedToOutsidersMembersOfOtherBuildingsAndAnonymousCallers() {
        assertProblem(call(get, getOf(f.buildingA1.getId()).as(f.outsider)), 404, "not-found");
        assertProblem(call(get, getOf(f.buildingA1.getId()).as(f.managerOfA2)), 403, "forbidden");
        assertProblem(call(get, getOf(f.buildingA1.getId())), 401, "unauthorized");
    }

    // ---------------------------------------------------------------- update

    @Test
    void managerRenamesWithTheCurrentVersionAndGetsTheNextETag() {
        var response = call(update, patch(f.buildingA1.getId(), "{\"name\":\"A1 renamed\"}")
                .header("If-Match", "\"1\"").as(f.manager));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
        BuildingItem stored = stored();
        assertThat(stored.getName()).isEqualTo("A1 renamed");
        assertThat(stored.getCity()).isEqualTo("Berlin");
    }

    @Test
    void addressIsReplacedAsAWhole() {
        call(update, patch(f.buildingA1.getId(),
                "{\"address\":{\"street\":\"Rue 1\",\"city\":\"Paris\",\"postalCode\":\"75001\",\"country\":\"FR\"}}").as(f.admin));

        BuildingItem stored = stored();
        assertThat(List.of(stored.getName(), stored.getStreet(), stored.getCity(), stored.getPostalCode(), stored.getCountry()))
                .containsExactly("A1", "Rue 1", "Paris", "75001", "FR");
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        call(update, patch(f.buildingA1.getId(), "{\"name\":\"first\"}").header("If-Match", "\"1\"").as(f.manager));

        assertProblem(call(update, patch(f.buildingA1.getId(), "{\"name\":\"second\"}")
                .header("If-Match", "\"1\"").as(f.manager)), 412, "precondition-failed");
        assertThat(stored().getName()).isEqualTo("first");
    }

    @Test
    void writeRacingAnotherIs412WithIfMatchAnd409Without() {
        BuildingItem seenByFirst = stored();
        BuildingItem seenBySecond = stored();
        BuildingItem seenByThird = stored();
        f.buildings.update(seenByFirst, Optional.empty(), new UpdateBuildingRequest("first", null));

        assertThatThrownBy(() -> f.buildings.update(seenBySecond, Optional.of(1L), new UpdateBuildingRequest("second", null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_FAILED));
        assertThatThrownBy(() -> f.buildings.update(seenByThird, Optional.empty(), new UpdateBuildingRequest("third", null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.CONFLICT));
        assertThat(stored().getName()).isEqualTo("first");
    }

    private BuildingItem stored() {
        return f.table.get(BuildingItem.class, f.buildingA1.getPk(), "PROFILE").orElseThrow();
    }

    @Test
    void updateIsRefusedToTechniciansOwnersOutsidersAndAnonymousCallers() {
        String body = "{\"name\":\"Taken over\"}";
        f.assertRefusedUnchanged(update, patch(f.buildingA1.getId(), body).as(f.technician), 403, "forbidden");
        f.assertRefusedUnchanged(update, patch(f.buildingA1.getId(), body).as(f.owner), 403, "forbidden");
        f.assertRefusedUnchanged(update, patch(f.buildingA1.getId(), body).as(f.managerOfA2), 403, "forbidden");
        f.assertRefusedUnchanged(update, patch(f.buildingA1.getId(), body).as(f.outsider), 404, "not-found");
        f.assertRefusedUnchanged(update, patch(f.buildingA1.getId(), body), 401, "unauthorized");
    }

    static Stream<Arguments> badPatches() {
        return Stream.of(
                Arguments.of("{\"name\":", 400, "malformed-json"),
                Arguments.of("{}", 400, "validation-error"),
                Arguments.of("{\"name\":true}", 400, "validation-error"),
                Arguments.of("{\"name\":\"<img src=x onerror=alert(1)>\"}", 400, "validation-error"),
                Arguments.of("{\"name\":\"Tab\\u001bEscape\"}", 400, "validation-error"),
                Arguments.of("{\"address\":{\"city\":\"Berlin\"}}", 400, "validation-error"),
                Arguments.of("{\"name\":\"" + TenancyFixture.oversizeText() + "\"}", 413, "payload-too-large"));
    }

    @ParameterizedTest
    @MethodSource("badPatches")
    void badPatchesAreRefusedAndChangeNothing(String body, int status, String type) {
        f.assertRefusedUnchanged(update, patch(f.buildingA1.getId(), body).as(f.admin), status, type);
        assertThat(stored().getVersion()).isEqualTo(1L);
    }
}
