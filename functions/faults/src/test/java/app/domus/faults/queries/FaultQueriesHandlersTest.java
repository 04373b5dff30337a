package app.domus.faults.queries;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.faults.FaultItem;
import app.domus.faults.FaultsFixture;
import app.domus.shared.testing.Images;
import app.domus.faults.PresignedHttp;
import app.domus.faults.photos.PhotoInput;
import app.domus.faults.reporting.ReportFaultRequest;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.Role;
import app.domus.shared.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultQueriesHandlersTest {
    private final FaultsFixture f = new FaultsFixture();
    private final GetFaultHandler get = new GetFaultHandler(f.faultAccess, f.queries);
    private final ListFaultsHandler list = new ListFaultsHandler(f.queries);

    private static HttpEvents getOf(String faultId) {
        return HttpEvents.request("GET", "/faults/" + faultId).pathParam("faultId", faultId);
    }

    private static HttpEvents listing() {
        return HttpEvents.request("GET", "/faults");
    }

    private FaultItem reportIn(BuildingItem building, String reporter, String title) {
        var request = new ReportFaultRequest(title, "Details of " + title, "plumbing", building.getId(), null, null);
        return f.reporting.report(reporter, f.faultAccess.mayReport(caller(reporter), building.getId(), null), request);
    }

    private void assign(FaultItem fault, String technician) {
        f.change(f.admin, fault.getId(), technician, null, null);
    }

    private void move(FaultItem fault, String status) {
        f.change(f.admin, fault.getId(), null, status, null);
    }

    private List<String> ids(HttpEvents request) {
        var response = call(list, request);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(response).path("items").forEach(i -> ids.add(i.path("faultId").asText()));
        return ids;
    }

    /** Follows nextCursor to the end, returning every id and how many pages it took. */
    private List<String> allPages(String userId, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpEvents request = listing().query("limit", Integer.toString(limit)).as(userId);
            if (cursor != null) request.query("cursor", cursor);
            JsonNode body = json(call(list, request));
            body.path("items").forEach(i -> ids.add(i.path("faultId").asText()));
            cursor = body.hasNonNull("nextCursor") ? body.path("nextCursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 20);
        return ids;
    }

    // ---------------------------------------------------------------- one fault

    @Test
    void aResidentReadsTheFaultWithItsHistoryAndPhotoUrlsThatWorkForTenMinutes() {
        byte[] png = Images.png();
        var request = new ReportFaultRequest("Leak", "A leak", "plumbing", f.buildingA1.getId(), null,
                List.of(new PhotoInput(null, Images.base64(png))));
        FaultItem fault = f.reporting.report(f.owner, f.faultAccess.mayReport(caller(f.owner), f.buildingA1.getId(), null), request);
        assign(fault, f.plumber);

        var response = call(get, getOf(fault.getId()).as(f.tenant));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
        JsonNode body = json(response);
        assertThat(body.path("faultId").asText()).isEqualTo(fault.getId());
        assertThat(body.path("assigneeId").asText()).isEqualTo(f.plumber);
        assertThat(body.path("history")).extracting(h -> h.path("action").asText()).containsExactly("reported", "assigned");
        assertThat(body.path("history").get(0).path("by").asText()).isEqualTo(f.owner);
        JsonNode photo = body.path("photos").get(0);
        assertThat(photo.path("contentType").asText()).isEqualTo("image/png");
        assertThat(Duration.between(Instant.now(), Instant.parse(photo.path("expiresAt").asText())))
                .isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
        var download = PresignedHttp.get(photo.path("url").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
    }

    @Test
    void theAssigneeAndTheReporterReadTheFaultOtherTechniciansAndOutsidersDoNot() {
        FaultItem fault = reportIn(f.buildingA1, f.owner, "Leak");
        assign(fault, f.plumber);
        FaultItem byDelegate = f.reporting.report(f.delegate, f.faultAccess.mayReport(caller(f.delegate), f.buildingA1.getId(),
                f.unitA11.getId()), new ReportFaultRequest("Broken window", "Cracked glass", "doors_windows", f.buildingA1.getId(),
                f.unitA11.getId(), null));

        assertThat(call(get, getOf(fault.getId()).as(f.plumber)).getStatusCode()).isEqualTo(200);
        assertThat(call(get, getOf(fault.getId()).as(f.manager)).getStatusCode()).isEqualTo(200);
        assertThat(call(get, getOf(fault.getId()).as(f.admin)).getStatusCode()).isEqualTo(200);
        assertThat(call(get, getOf(byDelegate.getId()).as(f.delegate)).getStatusCode()).isEqualTo(200);
        assertProblem(call(get, getOf(fault.getId()).as(f.plumberAndHeater)), 403, "forbidden");
        assertProblem(call(get, getOf(fault.getId()).as(f.managerOfA2)), 403, "forbidden");
        assertProblem(call(get, getOf(fault.getId()).as(f.delegate)), 404, "not-found");
        assertProblem(call(get, getOf(fault.getId()).as(f.outsider)), 404, "not-found");
        assertProblem(call(get, getOf(fault.getId())), 401, "unauthorized");
        assertProblem(call(get, getOf("NO-SUCH-FAULT").as(f.admin)), 404, "not-found");
    }

    // ---------------------------------------------------------------- lists

    @Test
    void everyoneSeesTheFaultsOfTheirOwnBuildingsOnly() {
        FaultItem inA1 = reportIn(f.buildingA1, f.tenant, "Leak in A1");
        FaultItem inA2 = reportIn(f.buildingA2, f.managerOfA2, "Leak in A2");
        BuildingItem b1 = f.building(f.orgB, "B1");
        f.member(f.outsider, f.orgB, Role.MANAGER, b1.getId(), null);
        FaultItem inB1 = reportIn(b1, f.outsider, "Leak in B1");

        assertThat(ids(listing().as(f.tenant))).containsExactly(inA1.getId());
        assertThat(ids(listing().as(f.owner))).containsExactly(inA1.getId());
        assertThat(ids(listing().as(f.manager))).containsExactly(inA1.getId());
        assertThat(ids(listing().as(f.managerOfA2))).containsExactly(inA2.getId());
        assertThat(ids(listing().as(f.admin))).containsExactlyInAnyOrder(inA1.getId(), inA2.getId());
        assertThat(ids(listing().as(f.outsider))).containsExactly(inB1.getId());
    }

    @Test
    void techniciansSeeTheFaultsAssignedToThem() {
        FaultItem mine = reportIn(f.buildingA1, f.tenant, "Leak");
        reportIn(f.buildingA1, f.tenant, "Other leak");
        FaultItem elsewhere = reportIn(f.buildingA2, f.managerOfA2, "Leak in A2");
        assign(mine, f.plumber);
        f.technician(f.plumber, f.buildingA2, "plumbing");
        assign(elsewhere, f.plumber);

        assertThat(ids(listing().as(f.plumber))).containsExactlyInAnyOrder(mine.getId(), elsewhere.getId());
        assertThat(ids(listing().query("buildingId", f.buildingA1.getId()).as(f.plumber))).containsExactly(mine.getId());
        assertThat(ids(listing().as(f.plumberAndHeater))).isEmpty();
    }

    @Test
    void listsFilterByBuildingStatusAndAssignee() {
        FaultItem newOne = reportIn(f.buildingA1, f.tenant, "New leak");
        FaultItem started = reportIn(f.buildingA1, f.tenant, "Started leak");
        FaultItem inA2 = reportIn(f.buildingA2, f.managerOfA2, "Leak in A2");
        assign(started, f.plumber);
        move(started, "in_progress");
        assign(inA2, f.plumberOfA2);

        assertThat(ids(listing().query("buildingId", f.buildingA1.getId()).as(f.admin)))
                .containsExactlyInAnyOrder(newOne.getId(), started.getId());
        assertThat(ids(listing().query("status", "in_progress").as(f.admin))).containsExactly(started.getId());
        assertThat(ids(listing().query("status", "new").as(f.admin))).containsExactlyInAnyOrder(newOne.getId(), inA2.getId());
        assertThat(ids(listing().query("status", "new").query("buildingId", f.buildingA2.getId()).as(f.admin)))
                .containsExactly(inA2.getId());
        assertThat(ids(listing().query("assigneeId", f.plumber).as(f.manager))).containsExactly(started.getId());
        assertThat(ids(listing().query("assigneeId", f.plumberOfA2).as(f.manager))).as("not the manager's building").isEmpty();
        assertThat(ids(listing().query("assigneeId", f.plumberOfA2).as(f.admin))).containsExactly(inA2.getId());
        assertThat(ids(listing().query("assigneeId", f.plumber).query("status", "new").as(f.plumber))).isEmpty();
    }

    @Test
    void pagesRunThroughEveryVisibleBuildingOneAfterTheOther() {
        List<String> reported = new ArrayList<>();
        for (int i = 0; i < 3; i++) reported.add(reportIn(f.buildingA1, f.manager, "A1 fault " + i).getId());
        for (int i = 0; i < 2; i++) reported.add(reportIn(f.buildingA2, f.managerOfA2, "A2 fault " + i).getId());
        f.building(f.orgA, "Empty House");

        for (int limit : List.of(1, 2, 3, 5, 100)) {
            assertThat(allPages(f.admin, limit)).as("limit %d", limit).containsExactlyInAnyOrderElementsOf(reported)
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void aCursorForABuildingTheCallerDoesNotSeeIsRefused() {
        reportIn(f.buildingA2, f.managerOfA2, "A2 fault 1");
        reportIn(f.buildingA2, f.managerOfA2, "A2 fault 2");
        String cursorOfA2 = json(call(list, listing().query("limit", "1").as(f.managerOfA2))).path("nextCursor").asText();

        assertProblem(call(list, listing().query("cursor", cursorOfA2).as(f.tenant)), 400, "invalid-cursor");
        assertProblem(call(list, listing().query("cursor", "not-a-cursor").as(f.tenant)), 400, "invalid-cursor");
        assertThat(call(list, listing().query("cursor", cursorOfA2).as(f.admin)).getStatusCode()).isEqualTo(200);
    }

    @Test
    void listingIsRefusedForBadFiltersOutsidersAndAnonymousCallers() {
        assertProblem(call(list, listing().query("status", "fixed").as(f.admin)), 400, "validation-error");
        assertProblem(call(list, listing().query("buildingId", "../x").as(f.admin)), 400, "validation-error");
        assertProblem(call(list, listing().query("limit", "0").as(f.admin)), 400, "validation-error");
        assertProblem(call(list, listing().query("buildingId", f.buildingA1.getId()).as(f.outsider)), 404, "not-found");
        assertProblem(call(list, listing().query("buildingId", f.buildingA1.getId()).as(f.managerOfA2)), 403, "forbidden");
        assertProblem(call(list, listing().query("assigneeId", f.plumber).as(f.plumberAndHeater)), 403, "forbidden");
        assertProblem(call(list, listing()), 401, "unauthorized");
    }
}
