package app.domus.delegations;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.delegations.DelegationsFixture.body;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.emailOf;
import static app.domus.shared.testing.DirectoryWorld.json;
import static app.domus.delegations.DelegationsFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.directory.DelegationItem;
import app.domus.shared.directory.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CreateDelegationHandlerTest {
    private final DelegationsFixture f = new DelegationsFixture();

    @Test
    void anOwnerDelegatesToSomeoneWithAnAccount() {
        var response = call(f.create, post(body(emailOf(f.fred).toUpperCase(), f.unit3B, f.inDays(30), "vote", "report_faults"))
                .as(f.olga));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
        JsonNode view = json(response);
        String id = view.path("delegationId").asText();
        assertThat(response.getHeaders()).containsEntry("Location", "/delegations/" + id);
        assertThat(view.path("status").asText()).isEqualTo("pending");
        assertThat(view.path("direction").asText()).isEqualTo("given");
        assertThat(view.path("rights")).extracting(JsonNode::asText).containsExactly("vote", "report_faults");

        DelegationItem stored = f.stored(id);
        assertThat(stored.getStatus()).isEqualTo(DelegationItem.PENDING);
        assertThat(stored.getOwnerId()).isEqualTo(f.olga);
        assertThat(stored.getDelegateId()).isEqualTo(f.fred);
        assertThat(stored.getDelegateEmail()).isEqualTo(emailOf(f.fred));
        assertThat(stored.getRights()).containsExactlyInAnyOrder("VOTE", "REPORT_FAULTS");
        assertThat(stored.getOrganisationId()).isEqualTo(f.orgA);
        assertThat(stored.getBuildingId()).isEqualTo(f.buildingA1);
        assertThat(stored.getGsi1pk()).isEqualTo(DelegationItem.receivedBy(f.fred));
        assertThat(stored.getGsi1sk()).isEqualTo(DelegationItem.forUnit(f.unit3B) + id);
        assertThat(stored.getGsi2pk()).isEqualTo(DelegationItem.givenBy(f.olga));
        assertThat(stored.getExpiresAt()).isEqualTo(f.inDays(30).toString());
        assertThat(stored.getVersion()).isEqualTo(1L);

        assertThat(f.events.all()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("DelegationCreated");
            assertThat(e.organisationId()).isEqualTo(f.orgA);
            assertThat(e.payload().path("delegationId").asText()).isEqualTo(id);
            assertThat(e.payload().path("delegateId").asText()).isEqualTo(f.fred);
            assertThat(e.payload().path("ownerId").asText()).isEqualTo(f.olga);
            assertThat(e.payload().path("rights")).extracting(JsonNode::asText).containsExactly("vote", "report_faults");
        });
    }

    @Test
    void someoneWithoutAnAccountIsAddressedByEmail() {
        var response = call(f.create, post(body("New.Friend@Example.test", f.unit3B, f.inDays(7), "pay")).as(f.olga));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        DelegationItem stored = f.stored(json(response).path("delegationId").asText());
        assertThat(stored.getDelegateId()).isNull();
        assertThat(stored.getDelegateEmail()).isEqualTo("new.friend@example.test");
        assertThat(stored.getGsi1pk()).isEqualTo("EMAIL#new.friend@example.test#RECEIVED");
        assertThat(f.events.all()).singleElement().satisfies(e -> {
            assertThat(e.payload().path("delegateId").isMissingNode()).isTrue();
            assertThat(e.payload().path("delegateEmail").asText()).isEqualTo("new.friend@example.test");
        });
    }

    @Test
    void aSecondPendingDelegationRepeatingARightToTheSamePersonIs409() {
        call(f.create, post(body(emailOf(f.fred), f.unit3B, f.inDays(30), "vote", "pay")).as(f.olga));
        call(f.create, post(body("nobody.yet@example.test", f.unit3B, f.inDays(30), "vote")).as(f.olga));

        var problem = f.assertRefusedUnchanged(f.create,
                post(body(emailOf(f.fred), f.unit3B, f.inDays(10), "pay", "view_finances")).as(f.olga), 409, "conflict");
        assertThat(problem.path("delegationId").asText()).isNotBlank();
        f.assertRefusedUnchanged(f.create, post(body("Nobody.Yet@example.test", f.unit3B, f.inDays(10), "vote")).as(f.olga),
                409, "conflict");
    }

    @Test
    void aPendingDelegationGivenBeforeTheDelegateRegisteredStillCountsAsTheSamePerson() {
        call(f.create, post(body("late.comer@example.test", f.unit3B, f.inDays(30), "vote")).as(f.olga));
        f.register("LATECOMER", "Lee Late", "late.comer@example.test");

        f.assertRefusedUnchanged(f.create, post(body("late.comer@example.test", f.unit3B, f.inDays(30), "vote")).as(f.olga),
                409, "conflict");
    }

    @Test
    void otherRightsOtherUnitsCoOwnersAndSettledDelegationsDoNotCount() {
        String first = f.delegate(f.olga, emailOf(f.fred), f.unit3B, "vote");

        assertThat(call(f.create, post(body(emailOf(f.fred), f.unit3B, f.inDays(30), "pay")).as(f.olga)).getStatusCode())
                .isEqualTo(201);
        assertThat(call(f.create, post(body(emailOf(f.fred), f.unit3B, f.inDays(30), "vote")).as(f.oscar)).getStatusCode())
                .as("a co-owner hands over their own vote").isEqualTo(201);
        assertThat(call(f.create, post(body(emailOf(f.fred), f.unit4A, f.inDays(30), "vote")).as(f.paula)).getStatusCode())
                .isEqualTo(201);
        f.delegations.accept(DelegationsFixture.caller(f.fred), first, Optional.empty());
        assertThat(call(f.create, post(body(emailOf(f.fred), f.unit3B, f.inDays(60), "vote")).as(f.olga)).getStatusCode())
                .as("a new delegation after the first was accepted, e.g. to extend it").isEqualTo(201);
    }

    @Test
    void anExpiredPendingDelegationNoLongerBlocksANewOne() {
        call(f.create, post(body(emailOf(f.fred), f.unit3B, f.inDays(1), "vote")).as(f.olga));
        f.clock.advance(Duration.ofDays(2));

        assertThat(call(f.create, post(body(emailOf(f.fred), f.unit3B, f.inDays(30), "vote")).as(f.olga)).getStatusCode())
                .isEqualTo(201);
    }

    @Test
    void onlyOwnersOfTheUnitDelegate() {
        String valid = body(emailOf(f.fred), f.unit3B, f.inDays(30), "vote");
        f.assertRefusedUnchanged(f.create, post(valid).as(f.tenant), 403, "forbidden");
        f.assertRefusedUnchanged(f.create, post(valid).as(f.manager), 403, "forbidden");
        f.assertRefusedUnchanged(f.create, post(valid).as(f.admin), 403, "forbidden");
        f.assertRefusedUnchanged(f.create, post(valid).as(f.paula), 403, "forbidden");
    }

    @Test
    void aDelegateCannotPassOnRightsTheyHoldForSomeoneElse() {
        f.delegateAccepted(f.olga, f.fred, f.unit3B, "vote");

        f.assertRefusedUnchanged(f.create, post(body("third@example.test", f.unit3B, f.inDays(30), "vote")).as(f.fred),
                404, "not-found");
        f.member(f.fred, f.orgA, Role.TENANT, f.buildingA1, f.unit3B);
        f.assertRefusedUnchanged(f.create, post(body("third@example.test", f.unit3B, f.inDays(30), "vote")).as(f.fred),
                403, "forbidden");
    }

    @Test
    void outsidersUnknownUnitsAndAnonymousCallersAreRefused() {
        f.assertRefusedUnchanged(f.create, post(body(emailOf(f.fred), f.unit3B, f.inDays(30), "vote")).as(f.outsider),
                404, "not-found");
        f.assertRefusedUnchanged(f.create, post(body(emailOf(f.fred), f.unitB, f.inDays(30), "vote")).as(f.olga),
                404, "not-found");
        f.assertRefusedUnchanged(f.create, post(body(emailOf(f.fred), "NO-SUCH-UNIT", f.inDays(30), "vote")).as(f.olga),
                404, "not-found");
        f.assertRefusedUnchanged(f.create, post(body(emailOf(f.fred), f.unit3B, f.inDays(30), "vote")), 401, "unauthorized");
    }

    @Test
    void nobodyDelegatesToThemselves() {
        var problem = f.assertRefusedUnchanged(f.create, post(body(emailOf(f.olga).toUpperCase(), f.unit3B, f.inDays(30), "vote"))
                .as(f.olga), 400, "validation-error");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("delegateEmail");
    }

    static Stream<Arguments> badExpiries() {
        return Stream.of(
                Arguments.of(DelegationsFixture.START.minusSeconds(1)),
                Arguments.of(DelegationsFixture.START),
                Arguments.of(DelegationsFixture.START.plus(Duration.ofDays(2 * 366))));
    }

    @ParameterizedTest
    @MethodSource("badExpiries")
    void theExpiryMustBeInTheFutureAndAtMostTwoYearsAhead(Instant expiresAt) {
        var problem = f.assertRefusedUnchanged(f.create, post(body(emailOf(f.fred), f.unit3B, expiresAt, "vote")).as(f.olga),
                400, "validation-error");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("expiresAt");
    }

    @Test
    void anExpiryWithAnOffsetIsStoredAsAnInstant() {
        var response = call(f.create, post("{\"delegateEmail\":\"x@example.test\",\"unitId\":\"" + f.unit3B
                + "\",\"rights\":[\"VOTE\"],\"expiresAt\":\"2026-07-01T12:00:00+02:00\"}").as(f.olga));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(f.stored(json(response).path("delegationId").asText()).getExpiresAt()).isEqualTo("2026-07-01T10:00:00Z");
    }

    static Stream<Arguments> badBodies() {
        String unit = "\"unitId\":\"U1\"";
        String when = "\"expiresAt\":\"2026-07-01T00:00:00Z\"";
        String who = "\"delegateEmail\":\"fred@example.test\"";
        String rights = "\"rights\":[\"vote\"]";
        return Stream.of(
                Arguments.of("{" + who + ",", 400, "malformed-json", List.of()),
                Arguments.of("[1,2]", 400, "validation-error", List.of()),
                Arguments.of("{}", 400, "validation-error", List.of("delegateEmail", "unitId", "rights", "expiresAt")),
                Arguments.of("{" + who + "," + unit + "," + when + "}", 400, "validation-error", List.of("rights")),
                Arguments.of("{" + who + "," + unit + "," + when + ",\"rights\":[]}", 400, "validation-error", List.of("rights")),
                Arguments.of("{" + who + "," + unit + "," + when + ",\"rights\":\"vote\"}", 400, "validation-error", List.of("rights")),
                Arguments.of("{" + who + "," + unit + "," + when + ",\"rights\":[1]}", 400, "validation-error", List.of("rights.0")),
                Arguments.of("{" + who + "," + unit + "," + when + ",\"rights\":[null]}", 400, "validation-error", List.of("rights.0")),
                Arguments.of("{" + who + "," + unit + "," + when + ",\"rights\":[\"vote\",\"sell_the_flat\"]}", 400, "validation-error", List.of("rights.1")),
                Arguments.of("{" + who + "," + unit + "," + when + ",\"rights\":[\"vote\",\"VOTE\"]}", 400, "validation-error", List.of("rights.1")),
                Arguments.of("{" + who + "," + unit + "," + when + ",\"rights\":[\"vote\",\"pay\",\"view_finances\",\"report_faults\",\"vote\"]}", 400, "validation-error", List.of("rights", "rights.4")),
                Arguments.of("{" + who + ",\"unitId\":42," + when + "," + rights + "}", 400, "validation-error", List.of("unitId")),
                Arguments.of("{" + who + ",\"unitId\":\"../UNIT#x\"," + when + "," + rights + "}", 400, "validation-error", List.of("unitId")),
                Arguments.of("{" + who + "," + unit + ",\"expiresAt\":1798761600," + rights + "}", 400, "validation-error", List.of("expiresAt")),
                Arguments.of("{" + who + "," + unit + ",\"expiresAt\":\"next tuesday\"," + rights + "}", 400, "validation-error", List.of("expiresAt")),
                Arguments.of("{" + who + "," + unit + ",\"expiresAt\":\"2026-07-01T00:00:00\"," + rights + "}", 400, "validation-error", List.of("expiresAt")),
                Arguments.of("{" + who + "," + unit + ",\"expiresAt\":\"<script>alert(1)</script>\"," + rights + "}", 400, "validation-error", List.of("expiresAt")),
                Arguments.of("{\"delegateEmail\":\"not an address\"," + unit + "," + when + "," + rights + "}", 400, "validation-error", List.of("delegateEmail")),
                Arguments.of("{\"delegateEmail\":[\"a@example.test\"]," + unit + "," + when + "," + rights + "}", 400, "validation-error", List.of("delegateEmail")),
                Arguments.of("{\"delegateEmail\":\"{{ownerName}}@example.test\"," + unit + "," + when + "," + rights + "}", 400, "validation-error", List.of("delegateEmail")),
                Arguments.of("{\"delegateEmail\":\"a`rm -rf`@example.test\"," + unit + "," + when + "," + rights + "}", 400, "validation-error", List.of("delegateEmail")),
                Arguments.of("{\"delegateEmail\":\"<img src=x>@example.test\"," + unit + "," + when + "," + rights + "}", 400, "validation-error", List.of("delegateEmail")),
                Arguments.of("{\"delegateEmail\":\"a\\u0000b@example.test\"," + unit + "," + when + "," + rights + "}", 400, "validation-error", List.of("delegateEmail")),
                Arguments.of("{" + who + "," + unit + "," + when + "," + rights + ",\"padding\":\"" + "a".repeat(70 * 1024) + "\"}", 413, "payload-too-large", List.of()));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesAreRefusedAndStoreNothing(String body, int status, String type, List<String> fields) {
        JsonNode problem = f.assertRefusedUnchanged(f.create, post(body).as(f.olga), status, type);
        List<String> reported = new ArrayList<>();
        problem.path("errors").forEach(e -> reported.add(e.path("field").asText()));
        if (!fields.isEmpty()) assertThat(reported).containsExactlyInAnyOrderElementsOf(fields);
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        f.assertRefusedUnchanged(f.create, post("delegateEmail=fred").header("content-type", "application/x-www-form-urlencoded")
                .as(f.olga), 415, "unsupported-media-type");
        assertProblem(call(f.create, post(null).as(f.olga)), 400, "validation-error");
    }
}
