package app.domus.faults.workflow;

import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.faults.FaultHistoryItem;
import app.domus.faults.FaultItem;
import app.domus.faults.FaultRoles;
import app.domus.faults.FaultsFixture;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UpdateFaultHandlerTest {
    private final FaultsFixture f = new FaultsFixture();
    private final UpdateFaultHandler handler = new UpdateFaultHandler(f.faultAccess, f.workflow);
    private final FaultItem fault = f.report(f.tenant, "Dripping tap", "plumbing");

    private HttpEvents patch(String body) {
        return HttpEvents.request("PATCH", "/faults/" + fault.getId()).pathParam("faultId", fault.getId()).body(body);
    }

    private JsonNode ok(HttpEvents request) {
        var response = call(handler, request);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }

    private FaultItem stored() {
        return f.stored(fault.getId());
    }

    private void assignToPlumber() {
        ok(patch("{\"assigneeId\":\"" + f.plumber + "\"}").as(f.manager));
        f.events.clear();
    }

    // ---------------------------------------------------------------- assignment

    @Test
    void theManagerAssignsATechnicianWhoIsToldThroughFaultAssigned() {
        f.events.clear();
        f.clock.advance(Duration.ofMinutes(5));
        var response = call(handler, patch("{\"assigneeId\":\"" + f.plumber + "\",\"note\":\"Please today\"}")
                .header("If-Match", "\"1\"").as(f.manager));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
        assertThat(json(response).path("assigneeId").asText()).isEqualTo(f.plumber);
        FaultItem stored = stored();
        assertThat(stored.getGsi2pk()).isEqualTo(FaultItem.byAssignee(f.plumber));
        assertThat(stored.getGsi2sk()).isEqualTo("NEW#" + fault.getId());
        assertThat(stored.getAssignments()).isEqualTo(1);
        assertThat(f.store.history(fault.getId())).last().satisfies(h -> {
            assertThat(h.getAction()).isEqualTo(FaultHistoryItem.ASSIGNED);
            assertThat(h.getBy()).isEqualTo(f.manager);
            assertThat(h.getAt()).isEqualTo(f.clock.instant().toString());
            assertThat(h.getAssigneeId()).isEqualTo(f.plumber);
            assertThat(h.getNote()).isEqualTo("Please today");
        });
        assertThat(f.events.ofType("FaultAssigned")).singleElement().satisfies(e -> {
            assertThat(e.payload().path("assigneeId").asText()).isEqualTo(f.plumber);
            assertThat(e.payload().path("assignedBy").asText()).isEqualTo(f.manager);
            assertThat(e.payload().path("assignment").asInt()).isEqualTo(1);
        });
    }

    @Test
    void onlyATechnicianOfTheBuildingCanBeAssigned() {
        for (String notHisTechnician : List.of(f.plumberOfA2, f.tenant, "NOBODY")) {
            var problem = f.assertRefusedUnchanged(handler, patch("{\"assigneeId\":\"" + notHisTechnician + "\"}").as(f.admin),
                    400, "validation-error");
            assertThat(FaultsFixture.fieldErrors(problem)).containsExactly("assigneeId");
        }
    }

    @Test
    void onlyStaffAssign() {
        assignToPlumber();
        f.assertRefusedUnchanged(handler, patch("{\"assigneeId\":\"" + f.plumberAndHeater + "\"}").as(f.plumber), 403, "forbidden");
        f.assertRefusedUnchanged(handler, patch("{\"assigneeId\":\"" + f.plumber + "\"}").as(f.tenant), 403, "forbidden");
    }

    @Test
    void assigningTheCurrentAssigneeAgainChangesNothing() {
        assignToPlumber();
        var response = call(handler, patch("{\"assigneeId\":\"" + f.plumber + "\"}").as(f.manager));

        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
        assertThat(f.events.all()).isEmpty();
    }

    // ---------------------------------------------------------------- workflow

    @Test
    void theWholeWorkflowIsKeptInTheHistoryAndTheReporterHearsOfTheResolution() {
        assignToPlumber();
        ok(patch("{\"status\":\"in_progress\"}").as(f.plumber));
        ok(patch("{\"status\":\"escalated\",\"note\":\"Needs a new valve\"}").as(f.plumber));
        ok(patch("{\"status\":\"in_progress\"}").as(f.manager));
        JsonNode resolved = ok(patch("{\"status\":\"resolved\",\"resolution\":\"Replaced the valve\"}").as(f.plumber));
        assertThat(resolved.path("status").asText()).isEqualTo("resolved");
        assertThat(resolved.path("resolution").asText()).isEqualTo("Replaced the valve");
        assertThat(f.events.ofType("FaultResolved")).singleElement().satisfies(e -> {
            assertThat(e.payload().path("reportedBy").asText()).isEqualTo(f.tenant);
            assertThat(e.payload().path("resolvedBy").asText()).isEqualTo(f.plumber);
            assertThat(e.payload().path("resolution").asText()).isEqualTo("Replaced the valve");
        });
        JsonNode reopened = ok(patch("{\"status\":\"reopened\",\"note\":\"Still dripping\"}").as(f.tenant));
        assertThat(reopened.has("resolution")).isFalse();
        ok(patch("{\"status\":\"resolved\",\"resolution\":\"Replaced the whole tap\"}").as(f.plumber));
        ok(patch("{\"status\":\"closed\"}").as(f.tenant));

        List<FaultHistoryItem> history = f.store.history(fault.getId());
        assertThat(history).extracting(h -> h.getFromStatus() + ">" + h.getToStatus()).containsExactly(
                "null>NEW", "null>null", "NEW>IN_PROGRESS", "IN_PROGRESS>ESCALATED", "ESCALATED>IN_PROGRESS",
                "IN_PROGRESS>RESOLVED", "RESOLVED>REOPENED", "REOPENED>RESOLVED", "RESOLVED>CLOSED");
        assertThat(history).extracting(FaultHistoryItem::getBy).containsExactly(
                f.tenant, f.manager, f.plumber, f.plumber, f.manager, f.plumber, f.tenant, f.plumber, f.tenant);
        assertThat(history.get(3).getNote()).isEqualTo("Needs a new valve");
        assertThat(history).extracting(FaultHistoryItem::getNumber).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(stored().getStatus()).isEqualTo("CLOSED");
        assertThat(stored().getGsi1sk()).isEqualTo("CLOSED#" + fault.getId());
        assertThat(stored().getGsi2sk()).isEqualTo("CLOSED#" + fault.getId());
        assertThat(f.events.ofType("FaultResolved")).hasSize(2);
    }

    @Test
    void anInvalidTransitionIs409AndNamesTheAllowedOnes() {
        var problem = f.assertRefusedUnchanged(handler, patch("{\"status\":\"closed\"}").as(f.manager), 409, "invalid-state");

        assertThat(problem.path("currentStatus").asText()).isEqualTo("new");
        assertThat(problem.path("allowed")).extracting(JsonNode::asText).containsExactly("in_progress", "escalated");
        assertThat(problem.path("detail").asText()).contains("in_progress or escalated");
    }

    @Test
    void aClosedFaultIsFinal() {
        assignToPlumber();
        ok(patch("{\"status\":\"in_progress\"}").as(f.plumber));
        ok(patch("{\"status\":\"resolved\",\"resolution\":\"Fixed it\"}").as(f.plumber));
        ok(patch("{\"status\":\"closed\"}").as(f.manager));

        var problem = f.assertRefusedUnchanged(handler, patch("{\"status\":\"reopened\"}").as(f.tenant), 409, "invalid-state");
        assertThat(problem.path("allowed")).isEmpty();
        f.assertRefusedUnchanged(handler, patch("{\"assigneeId\":\"" + f.plumberAndHeater + "\"}").as(f.manager), 409, "invalid-state");
    }

    @Test
    void workIsTheAssigneesAndClosingIsTheReporters() {
        f.assertRefusedUnchanged(handler, patch("{\"status\":\"in_progress\"}").as(f.plumber), 403, "forbidden");
        assignToPlumber();
        f.assertRefusedUnchanged(handler, patch("{\"status\":\"in_progress\"}").as(f.tenant), 403, "forbidden");
        f.assertRefusedUnchanged(handler, patch("{\"status\":\"in_progress\"}").as(f.plumberAndHeater), 403, "forbidden");
        ok(patch("{\"status\":\"in_progress\"}").as(f.plumber));
        ok(patch("{\"status\":\"resolved\",\"resolution\":\"Sealed the tap\"}").as(f.plumber));
        f.assertRefusedUnchanged(handler, patch("{\"status\":\"closed\"}").as(f.plumber), 403, "forbidden");
        f.assertRefusedUnchanged(handler, patch("{\"status\":\"reopened\"}").as(f.owner), 403, "forbidden");
        ok(patch("{\"status\":\"closed\"}").as(f.tenant));
    }

    @Test
    void outsidersAndMembersOfOtherBuildingsAndAnonymousCallersAreRefused() {
        String body = "{\"status\":\"in_progress\"}";
        f.assertRefusedUnchanged(handler, patch(body).as(f.outsider), 404, "not-found");
        f.assertRefusedUnchanged(handler, patch(body).as(f.delegate), 404, "not-found");
        f.assertRefusedUnchanged(handler, patch(body).as(f.managerOfA2), 403, "forbidden");
        f.assertRefusedUnchanged(handler, patch(body), 401, "unauthorized");
        f.assertRefusedUnchanged(handler, HttpEvents.request("PATCH", "/faults/NOPE").pathParam("faultId", "NOPE").body(body)
                .as(f.manager), 404, "not-found");
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        assignToPlumber();
        f.assertRefusedUnchanged(handler, patch("{\"status\":\"in_progress\"}").header("If-Match", "\"1\"").as(f.plumber),
                412, "precondition-failed");
        f.assertRefusedUnchanged(handler, patch("{\"status\":\"in_progress\"}").header("If-Match", "soon").as(f.plumber),
                412, "precondition-failed");
        assertThat(stored().getStatus()).isEqualTo("NEW");
    }

    @Test
    void aChangeRacingAnotherIs412WithIfMatchAnd409Without() {
        assignToPlumber();
        FaultRoles staff = new FaultRoles(true, false, false, false, true);
        FaultItem seenByFirst = stored();
        FaultItem seenBySecond = stored();
        FaultItem seenByThird = stored();
        f.workflow.change(f.manager, seenByFirst, staff, Optional.empty(), new UpdateFaultRequest(null, "in_progress", null, null));

        assertThatThrownBy(() -> f.workflow.change(f.manager, seenBySecond, staff, Optional.of(2L),
                new UpdateFaultRequest(null, "escalated", null, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_FAILED));
        assertThatThrownBy(() -> f.workflow.change(f.manager, seenByThird, staff, Optional.empty(),
                new UpdateFaultRequest(f.plumberAndHeater, null, null, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.CONFLICT));
        assertThat(stored().getStatus()).isEqualTo("IN_PROGRESS");
        assertThat(stored().getAssigneeId()).isEqualTo(f.plumber);
        assertThat(f.store.history(fault.getId())).hasSize(3);
        assertThat(f.events.all()).isEmpty();
    }

    // ---------------------------------------------------------------- bad input

    static Stream<Arguments> badPatches() {
        return Stream.of(
                Arguments.of("{\"status\":", 400, "malformed-json"),
                Arguments.of("{}", 400, "validation-error"),
                Arguments.of("{\"note\":\"only a note\"}", 400, "validation-error"),
                Arguments.of("{\"status\":\"fixed\"}", 400, "validation-error"),
                Arguments.of("{\"status\":7}", 400, "validation-error"),
                Arguments.of("{\"status\":\"resolved\"}", 400, "validation-error"),
                Arguments.of("{\"status\":\"resolved\",\"resolution\":\"  \"}", 400, "validation-error"),
                Arguments.of("{\"status\":\"in_progress\",\"resolution\":\"Done\"}", 400, "validation-error"),
                Arguments.of("{\"status\":\"resolved\",\"resolution\":\"<b>done</b>\"}", 400, "validation-error"),
                Arguments.of("{\"status\":\"in_progress\",\"note\":\"line\\u0007bell\"}", 400, "validation-error"),
                Arguments.of("{\"assigneeId\":\"a b\"}", 400, "validation-error"),
                Arguments.of("{\"assigneeId\":[\"x\"]}", 400, "validation-error"),
                Arguments.of("{\"status\":\"in_progress\",\"note\":\"" + "a".repeat(70 * 1024) + "\"}", 413, "payload-too-large"));
    }

    @ParameterizedTest
    @MethodSource("badPatches")
    void badPatchesAreRefusedAndChangeNothing(String body, int status, String type) {
        f.assertRefusedUnchanged(handler, patch(body).as(f.manager), status, type);
        assertThat(stored().getVersion()).isEqualTo(1L);
    }

    @Test
    void theRolesSeenByTheHandlerAreTheCallers() {
        var viewing = f.faultAccess.forChange(caller(f.tenant), fault.getId());
        assertThat(viewing.roles()).isEqualTo(new FaultRoles(false, false, true, true, true));
    }
}
