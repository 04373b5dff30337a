package app.domus.tenancy.technicians;

import app.domus.shared.directory.FaultCategory;
import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.testing.HttpEvents;
import app.domus.tenancy.TenancyFixture;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TechnicianSkillsHandlersTest {
    private final TenancyFixture f = new TenancyFixture();
    private final TechnicianService technicians = new TechnicianService(f.table);
    private final UpdateSkillsHandler handler = new UpdateSkillsHandler(f.access, technicians);

    private HttpEvents put(String buildingId, String userId, String body) {
        return HttpEvents.request("PUT", "/buildings/" + buildingId + "/technicians/" + userId + "/skills")
                .pathParam("buildingId", buildingId).pathParam("userId", userId).body(body);
    }

    private HttpEvents put(String body) {
        return put(f.buildingA1.getId(), f.technician, body);
    }

    private MembershipItem stored() {
        return f.table.get(MembershipItem.class, MembershipItem.pk(f.technician),
                MembershipItem.skPrefix(f.orgA) + "TECHNICIAN#" + f.buildingA1.getId()).orElseThrow();
    }

    @Test
    void theManagerSetsTheTechniciansSkillsWhichAreStoredOnTheMembership() {
        var response = call(handler, put("{\"skills\":[\"heating\",\"PLUMBING\"]}").header("If-Match", "\"1\"").as(f.manager));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
        assertThat(json(response).path("skills")).extracting(s -> s.asText()).containsExactly("plumbing", "heating");
        assertThat(json(response).path("userId").asText()).isEqualTo(f.technician);
        assertThat(stored().getSkills()).containsExactly("plumbing", "heating");
        assertThat(stored().getGsi2sk()).as("still found as the building's technician").isEqualTo("TECHNICIAN#" + f.technician);
    }

    @Test
    void anAdminReplacesTheSkillsAndAnEmptyListClearsThem() {
        call(handler, put("{\"skills\":[\"electrical\",\"elevator\"]}").as(f.admin));
        assertThat(stored().getSkills()).containsExactly("electrical", "elevator");

        call(handler, put("{\"skills\":[\"doors_windows\"]}").as(f.admin));
        assertThat(stored().getSkills()).containsExactly("doors_windows");

        var cleared = call(handler, put("{\"skills\":[]}").as(f.admin));
        assertThat(cleared.getStatusCode()).isEqualTo(200);
        assertThat(stored().getSkills()).isEmpty();
    }

    @Test
    void onlyTechniciansOfTheBuildingHaveSkills() {
        f.assertRefusedUnchanged(handler, put(f.buildingA1.getId(), f.owner, "{\"skills\":[\"plumbing\"]}").as(f.manager),
                404, "not-found");
        f.assertRefusedUnchanged(handler, put(f.buildingA1.getId(), "NOBODY", "{\"skills\":[\"plumbing\"]}").as(f.manager),
                404, "not-found");
        f.member(f.technician, f.orgA, Role.TECHNICIAN, f.buildingA2.getId(), null);
        f.assertRefusedUnchanged(handler, put(f.buildingA2.getId(), f.technician, "{\"skills\":[\"plumbing\"]}").as(f.manager),
                403, "forbidden");
    }

    @Test
    void othersMayNotSetSkills() {
        String body = "{\"skills\":[\"plumbing\"]}";
        f.assertRefusedUnchanged(handler, put(body).as(f.technician), 403, "forbidden");
        f.assertRefusedUnchanged(handler, put(body).as(f.owner), 403, "forbidden");
        f.assertRefusedUnchanged(handler, put(body).as(f.tenant), 403, "forbidden");
        f.assertRefusedUnchanged(handler, put(body).as(f.managerOfA2), 403, "forbidden");
        f.assertRefusedUnchanged(handler, put(body).as(f.outsider), 404, "not-found");
        f.assertRefusedUnchanged(handler, put(body), 401, "unauthorized");
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        call(handler, put("{\"skills\":[\"plumbing\"]}").as(f.manager));

        f.assertRefusedUnchanged(handler, put("{\"skills\":[\"heating\"]}").header("If-Match", "\"1\"").as(f.manager),
                412, "precondition-failed");
        assertThat(stored().getSkills()).containsExactly("plumbing");
    }

    @Test
    void aWriteRacingAnotherIs412WithIfMatchAnd409Without() {
        MembershipItem seenByFirst = stored();
        MembershipItem seenBySecond = stored();
        MembershipItem seenByThird = stored();
        technicians.replaceSkills(seenByFirst, Optional.empty(), List.of(FaultCategory.CLEANING));

        assertThatThrownBy(() -> technicians.replaceSkills(seenBySecond, Optional.of(1L), List.of(FaultCategory.OTHER)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_FAILED));
        assertThatThrownBy(() -> technicians.replaceSkills(seenByThird, Optional.empty(), List.of(FaultCategory.HEATING)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.CONFLICT));
        assertThat(stored().getSkills()).containsExactly("cleaning");
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"skills\" [\"plumbing\"]}", 400, "malformed-json"),
                Arguments.of("{}", 400, "validation-error"),
                Arguments.of("{\"skills\":\"plumbing\"}", 400, "validation-error"),
                Arguments.of("{\"skills\":[\"gardening\"]}", 400, "validation-error"),
                Arguments.of("{\"skills\":[1]}", 400, "validation-error"),
                Arguments.of("{\"skills\":[null]}", 400, "validation-error"),
                Arguments.of("{\"skills\":[\"plumbing\",\"Plumbing\"]}", 400, "validation-error"),
                Arguments.of("{\"skills\":[\"<script>\"]}", 400, "validation-error"),
                Arguments.of("{\"skills\":[\"" + TenancyFixture.oversizeText() + "\"]}", 413, "payload-too-large"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesAreRefusedAndChangeNothing(String body, int status, String type) {
        f.assertRefusedUnchanged(handler, put(body).as(f.manager), status, type);
        assertThat(stored().getVersion()).isEqualTo(1L);
    }

    @Test
    void everyWrongSkillIsReportedAtOnce() {
        var problem = assertProblem(call(handler, put("{\"skills\":[\"plumbing\",\"x\",\"plumbing\",\"y\"]}").as(f.manager)),
                400, "validation-error");
        assertThat(fieldErrors(problem)).containsExactly("skills.1", "skills.2", "skills.3");
    }
}
