package app.domus.tenancy.organisations;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.directory.OrganisationItem;
import app.domus.shared.directory.Role;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.IdempotentCreates;
import app.domus.tenancy.TenancyFixture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrganisationHandlersTest {
    private final TenancyFixture f = new TenancyFixture();
    private final CreateOrganisationHandler create = new CreateOrganisationHandler(f.idempotency, f.organisations);
    private final GetOrganisationHandler get = new GetOrganisationHandler(f.access);

    private static HttpEvents post(String body) {
        return HttpEvents.request("POST", "/organisations").body(body);
    }

    @Test
    void theSameIdempotencyKeyAgainGetsTheFirstOrganisationBack() {
        IdempotentCreates.assertKeyedCreate(create, () -> post("{\"name\":\"Hillside\"}").as(f.admin),
                () -> post("{\"name\":\"Valley\"}").as(f.admin), f.events, "OrganisationCreated");
    }

    @Test
    void createdOrganisationIsStoredWithItsCreatorAsAdminAndAnnounced() {
        String founder = f.user("Founder");
        var response = call(create, post("{\"name\":\"  Sunny Courts  \"}").as(founder));

        assertThat(response.getStatusCode()).isEqualTo(201);
        var body = json(response);
        String id = body.path("organisationId").asText();
        assertThat(body.path("name").asText()).isEqualTo("Sunny Courts");
        assertThat(response.getHeaders()).containsEntry("Location", "/organisations/" + id);
        assertThat(f.table.get(OrganisationItem.class, OrganisationItem.pk(id), "PROFILE"))
                .hasValueSatisfying(org -> assertThat(org.getCreatedBy()).isEqualTo(founder));
        assertThat(f.access.memberships(founder, id)).singleElement()
                .satisfies(m -> assertThat(m.roleValue()).isEqualTo(Role.ORG_ADMIN));
        assertThat(f.events.ofType("OrganisationCreated")).singleElement()
                .satisfies(e -> assertThat(e.payload().path("organisationId").asText()).isEqualTo(id));
    }

    @Test
    void creatingWithoutSignInIs401AndStoresNothing() {
        f.assertRefusedUnchanged(create, post("{\"name\":\"Sunny Courts\"}"), 401, "unauthorized");
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"name\":", 400, "malformed-json"),
                Arguments.of("[\"name\"]", 400, "validation-error"),
                Arguments.of("{\"name\":42}", 400, "validation-error"),
                Arguments.of("{}", 400, "validation-error"),
                Arguments.of("{\"name\":\"\"}", 400, "validation-error"),
                Arguments.of("{\"name\":\"<script>alert(1)</script>\"}", 400, "validation-error"),
                Arguments.of("{\"name\":\"Bell\\u0007Courts\"}", 400, "validation-error"),
                Arguments.of("{\"name\":\"" + "x".repeat(121) + "\"}", 400, "validation-error"),
                Arguments.of("{\"name\":\"" + TenancyFixture.oversizeText() + "\"}", 413, "payload-too-large"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesAreRefusedAndStoreNothing(String body, int status, String type) {
        f.assertRefusedUnchanged(create, post(body).as(f.admin), status, type);
    }

    @Test
    void hostileNameIsReportedOnItsField() {
        var problem = assertProblem(call(create, post("{\"name\":\"<b>Org</b>\"}").as(f.admin)), 400, "validation-error");
        assertThat(fieldErrors(problem)).containsExactly("name");
    }

    @Test
    void memberReadsTheOrganisationWithItsVersionAsETag() {
        var response = call(get, HttpEvents.request("GET", "/organisations/" + f.orgA)
                .pathParam("organisationId", f.orgA).as(f.tenant));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).path("name").asText()).isEqualTo("Org A");
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
    }

    @Test
    void outsiderCannotTellTheOrganisationExists() {
        var response = call(get, HttpEvents.request("GET", "/organisations/" + f.orgA)
                .pathParam("organisationId", f.orgA).as(f.outsider));
        var unknown = call(get, HttpEvents.request("GET", "/organisations/NOSUCHORG")
                .pathParam("organisationId", "NOSUCHORG").as(f.outsider));

        assertProblem(response, 404, "not-found");
        assertThat(json(response).path("detail")).isEqualTo(json(unknown).path("detail"));
    }

    @Test
    void readingWithoutSignInIs401() {
        assertProblem(call(get, HttpEvents.request("GET", "/organisations/" + f.orgA)
                .pathParam("organisationId", f.orgA)), 401, "unauthorized");
    }

}
