package app.domus.tenancy.units;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.IdempotentCreates;
import app.domus.tenancy.TenancyFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UnitHandlersTest {
    private final TenancyFixture f = new TenancyFixture();
    private final CreateUnitHandler create = new CreateUnitHandler(f.idempotency, f.access, f.units);
    private final ListUnitsHandler list = new ListUnitsHandler(f.access, f.units);
    private final GetUnitHandler get = new GetUnitHandler(f.access);

    private HttpEvents post(String buildingId, String body) {
        return HttpEvents.request("POST", "/buildings/" + buildingId + "/units").pathParam("buildingId", buildingId).body(body);
    }

    private HttpEvents listOf(String buildingId) {
        return HttpEvents.request("GET", "/buildings/" + buildingId + "/units").pathParam("buildingId", buildingId);
    }

    private HttpEvents getOf(String unitId) {
        return HttpEvents.request("GET", "/units/" + unitId).pathParam("unitId", unitId);
    }

    @Test
    void theSameIdempotencyKeyAgainGetsTheFirstUnitBack() {
        IdempotentCreates.assertKeyedCreate(create, () -> post(f.buildingA1.getId(), "{\"number\":\"7C\"}").as(f.manager),
                () -> post(f.buildingA1.getId(), "{\"number\":\"7D\"}").as(f.manager), f.events, "UnitCreated");
    }

    @Test
    void managerCreatesAUnitThatIsStoredAndAnnounced() {
        var response = call(create, post(f.buildingA1.getId(), "{\"number\":\"3b\",\"floor\":2,\"areaSquareMetres\":71.25}")
                .as(f.manager));

        assertThat(response.getStatusCode()).isEqualTo(201);
        String id = json(response).path("unitId").asText();
        UnitItem stored = f.table.get(UnitItem.class, UnitItem.pk(id), "PROFILE").orElseThrow();
        assertThat(stored.getBuildingId()).isEqualTo(f.buildingA1.getId());
        assertThat(stored.getOrganisationId()).isEqualTo(f.orgA);
        assertThat(stored.getNumber()).isEqualTo("3b");
        assertThat(stored.getFloor()).isEqualTo(2);
        assertThat(stored.getAreaSquareMetres()).isEqualTo(71.25);
        assertThat(f.table.get(UnitNumberItem.class, BuildingItem.pk(f.buildingA1.getId()), UnitNumberItem.sk("3B")))
                .hasValueSatisfying(claim -> assertThat(claim.getUnitId()).isEqualTo(id));
        assertThat(f.events.ofType("UnitCreated")).singleElement()
                .satisfies(e -> assertThat(e.payload().path("unitId").asText()).isEqualTo(id));
    }

    @Test
    void aNumberTakenInTheBuildingIs409WhateverItsCaseAndSpacing() {
        call(create, post(f.buildingA1.getId(), "{\"number\":\"4 a\"}").as(f.admin));

        var problem = assertProblem(call(create, post(f.buildingA1.getId(), "{\"number\":\" 4   A \"}").as(f.admin)),
                409, "conflict");
        assertThat(problem.path("detail").asText()).contains("4   A");
        assertThat(f.events.ofType("UnitCreated")).hasSize(1);
        assertThat(f.table.allInIndex(UnitItem.class, "gsi1", UnitItem.byBuilding(f.buildingA1.getId()))).hasSize(3);
    }

    @Test
    void theSameNumberIsFreeInAnotherBuilding() {
        assertThat(call(create, post(f.buildingA2.getId(), "{\"number\":\"2\"}").as(f.admin)).getStatusCode()).isEqualTo(201);
    }

    @Test
    void creatingIsRefusedToTechniciansResidentsOtherManagersOutsidersAndAnonymousCallers() {
        String body = "{\"number\":\"9\"}";
        f.assertRefusedUnchanged(create, post(f.buildingA1.getId(), body).as(f.technician), 403, "forbidden");
        f.assertRefusedUnchanged(create, post(f.buildingA1.getId(), body).as(f.owner), 403, "forbidden");
        f.assertRefusedUnchanged(create, post(f.buildingA1.getId(), body).as(f.managerOfA2), 403, "forbidden");
        f.assertRefusedUnchanged(create, post(f.buildingA1.getId(), body).as(f.outsider), 404, "not-found");
        f.assertRefusedUnchanged(create, post(f.buildingA1.getId(), body), 401, "unauthorized");
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"number\":\"9\"", 400, "malformed-json"),
                Arguments.of("{\"number\":9}", 400, "validation-error"),
                Arguments.of("{\"number\":\"9\",\"floor\":\"2\"}", 400, "validation-error"),
                Arguments.of("{\"number\":\"9\",\"floor\":2.5}", 400, "validation-error"),
                Arguments.of("{\"number\":\"9\",\"areaSquareMetres\":\"big\"}", 400, "validation-error"),
                Arguments.of("{\"floor\":2}", 400, "validation-error"),
                Arguments.of("{\"number\":\"9\",\"floor\":301}", 400, "validation-error"),
                Arguments.of("{\"number\":\"9\",\"areaSquareMetres\":0}", 400, "validation-error"),
                Arguments.of("{\"number\":\"<script>\"}", 400, "validation-error"),
                Arguments.of("{\"number\":\"9\\u0000\"}", 400, "validation-error"),
                Arguments.of("{\"number\":\"12345678901234567\"}", 400, "validation-error"),
                Arguments.of("{\"number\":\"" + TenancyFixture.oversizeText() + "\"}", 413, "payload-too-large"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesAreRefusedAndStoreNothing(String body, int status, String type) {
        f.assertRefusedUnchanged(create, post(f.buildingA1.getId(), body).as(f.admin), status, type);
    }

    @Test
    void wrongTypeIsReportedOnItsField() {
        var problem = assertProblem(call(create, post(f.buildingA1.getId(), "{\"number\":\"9\",\"floor\":\"two\"}")
                .as(f.admin)), 400, "validation-error");
        assertThat(fieldErrors(problem)).containsExactly("floor");
    }

    @Test
    void anyoneWhoReadsTheBuildingPagesThroughItsUnitsInNumberOrder() {
        call(create, post(f.buildingA1.getId(), "{\"number\":\"3\"}").as(f.admin));
        List<String> numbers = new ArrayList<>();
        String cursor = null;
        do {
            HttpEvents request = listOf(f.buildingA1.getId()).query("limit", "2").as(f.tenant);
            if (cursor != null) request.query("cursor", cursor);
            JsonNode body = json(call(list, request));
            body.path("items").forEach(u -> numbers.add(u.path("number").asText()));
            cursor = body.has("nextCursor") ? body.path("nextCursor").asText() : null;
        } while (cursor != null && numbers.size() < 10);

        assertThat(numbers).containsExactly("1", "2", "3");
    }

    @Test
    void listingIsRefusedToOutsidersMembersOfOtherBuildingsAndAnonymousCallers() {
        assertProblem(call(list, listOf(f.buildingA1.getId()).as(f.outsider)), 404, "not-found");
        assertProblem(call(list, listOf(f.buildingA1.getId()).as(f.managerOfA2)), 403, "forbidden");
        assertProblem(call(list, listOf(f.buildingA1.getId())), 401, "unauthorized");
    }

    @Test
    void residentReadsTheirUnitWithETag() {
        var response = call(get, getOf(f.unitA12.getId()).as(f.tenant));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).path("number").asText()).isEqualTo("2");
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
    }

    @Test
    void residentCannotReadANeighboursUnit() {
        assertProblem(call(get, getOf(f.unitA11.getId()).as(f.tenant)), 403, "forbidden");
    }

    @Test
    void readingIsRefusedToOutsidersAndAnonymousCallers() {
        assertProblem(call(get, getOf(f.unitA11.getId()).as(f.outsider)), 404, "not-found");
        assertProblem(call(get, getOf(f.unitA11.getId())), 401, "unauthorized");
    }
}
