package app.domus.votes.vote;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static app.domus.shared.testing.DirectoryWorld.json;
import static app.domus.votes.VotesFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.live.LiveTopicItem;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.IdempotentCreates;
import app.domus.votes.VotesFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CreateVoteHandlerTest {
    private final VotesFixture f = new VotesFixture();
    private final CreateVoteHandler create = new CreateVoteHandler(f.idempotency, f.access, f.votes, f.clock);

    private static HttpEvents post(String body) {
        return HttpEvents.request("POST", "/votes").body(body);
    }

    private String body(String settings) {
        return f.voteBody(settings, null);
    }

    @Test
    void theSameIdempotencyKeyAgainGetsTheFirstVoteBack() {
        IdempotentCreates.assertKeyedCreate(create, () -> post(body(settings("share", "1/2", false, false))).as(f.manager),
                () -> post(body(settings("unit", "1/2", false, false))).as(f.manager), f.events, "VoteCreated");
    }

    @Test
    void aManagerOpensAVoteWhoseElectorateIsTheBuildingsOwnersWithTheirShares() {
        var response = call(create, post(body(settings("share", "1/2", false, false))).as(f.manager));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode created = json(response);
        String voteId = created.path("voteId").asText();
        assertThat(response.getHeaders()).containsEntry("Location", "/votes/" + voteId).containsEntry("ETag", "\"1\"");
        assertThat(created.path("status").asText()).isEqualTo("open");
        assertThat(created.path("startsAt").asText()).isEqualTo(VotesFixture.START.toString());
        assertThat(created.path("endDate").asText()).isEqualTo(VotesFixture.END);
        assertThat(created.path("options").findValuesAsText("id")).containsExactly("o1", "o2", "o3");
        assertThat(created.path("options").findValuesAsText("label")).containsExactly("Yes", "No", "Abstain");
        assertThat(created.path("settings").path("weighting").asText()).isEqualTo("share");
        assertThat(created.path("settings").path("quorum").asText()).isEqualTo("1/2");
        assertThat(created.path("eligibleUnits").asInt()).isEqualTo(4);
        assertThat(created.path("totalWeight").asText()).isEqualTo("1/1");

        VoteItem stored = f.votes.get(voteId);
        assertThat(stored.getStatus()).isEqualTo(VoteItem.OPEN);
        assertThat(stored.getCreatedBy()).isEqualTo(f.manager);
        assertThat(stored.getCreatedAt()).isEqualTo(f.clock.instant().toString());
        assertThat(stored.getDescription()).isEqualTo("Replace the roof in May");
        assertThat(created.path("description").asText()).isEqualTo("Replace the roof in May");
        assertThat(stored.getGsi1pk()).isEqualTo("BUILDING#" + f.buildingA1.getId() + "#VOTES");
        assertThat(stored.getGsi2pk()).isEqualTo(VoteItem.DUE_TO_CLOSE);
        assertThat(stored.getGsi2sk()).isEqualTo(VotesFixture.END + "#" + voteId);
        assertThat(stored.eligible(f.unit1.getId())).get().satisfies(u -> {
            assertThat(u.getOwnerIds()).containsExactly(f.owner1);
            assertThat(u.getWeight()).isEqualTo("1/4");
        });
        assertThat(stored.eligible(f.unit2.getId())).get().satisfies(u -> {
            assertThat(u.getOwnerIds()).containsExactlyInAnyOrder(f.coOwnerA, f.coOwnerB);
            assertThat(u.getWeight()).isEqualTo("1/4");
        });
        assertThat(stored.eligible(f.unit3.getId())).get().satisfies(u -> assertThat(u.getWeight()).isEqualTo("3/8"));
        assertThat(stored.eligible(f.unit4.getId())).as("no owner, no vote").isEmpty();

        assertThat(f.table.get(LiveTopicItem.class, LiveTopicItem.pk("vote:" + voteId), LiveTopicItem.SK)).get()
                .satisfies(t -> assertThat(t.getBuildingId()).isEqualTo(f.buildingA1.getId()));
        assertThat(f.events.ofType("VoteCreated")).singleElement().satisfies(e -> {
            assertThat(e.organisationId()).isEqualTo(f.orgA);
            assertThat(e.payload().path("voteId").asText()).isEqualTo(voteId);
            assertThat(e.payload().path("status").asText()).isEqualTo("open");
        });
    }

    @Test
    void oneVotePerUnitWeighsEveryUnitTheSame() {
        JsonNode created = json(call(create, post(body(settings("unit", "0.5", true, true))).as(f.admin)));

        VoteItem stored = f.votes.get(created.path("voteId").asText());
        assertThat(stored.electorate()).extracting(EligibleUnit::getWeight).containsOnly("1/1");
        assertThat(stored.getTotalWeight()).isEqualTo("4/1");
        assertThat(stored.getQuorum()).isEqualTo("1/2");
        assertThat(stored.changesAllowed()).isTrue();
        assertThat(stored.keepsBallotsSecret()).isTrue();
    }

    @Test
    void aVoteStartingLaterIsScheduledWithoutAnElectorateYet() {
        var response = call(create, post(f.voteBody(settings("share", "1/2", false, false), "2026-03-03T10:00:00.750+01:00"))
                .as(f.manager));

        JsonNode created = json(response);
        assertThat(created.path("status").asText()).isEqualTo("scheduled");
        assertThat(created.path("startsAt").asText()).isEqualTo("2026-03-03T09:00:00Z");
        assertThat(created.has("eligibleUnits")).isFalse();
        VoteItem stored = f.votes.get(created.path("voteId").asText());
        assertThat(stored.getGsi2pk()).isEqualTo(VoteItem.DUE_TO_OPEN);
        assertThat(stored.getGsi2sk()).startsWith("2026-03-03T09:00:00Z#");
        assertThat(f.events.ofType("VoteCreated")).singleElement()
                .satisfies(e -> assertThat(e.payload().path("status").asText()).isEqualTo("scheduled"));
    }

    @Test
    void aStartInThePastOpensTheVoteNow() {
        JsonNode created = json(call(create, post(f.voteBody(settings("share", "1/2", false, false), "2026-03-01T09:00:00Z"))
                .as(f.manager)));

        assertThat(created.path("status").asText()).isEqualTo("open");
        assertThat(created.path("startsAt").asText()).isEqualTo(VotesFixture.START.toString());
    }

    @Test
    void endDatesMustLieAheadAndAfterTheStart() {
        String settings = settings("share", "1/2", false, false);
        String past = body(settings).replace(VotesFixture.END, "2026-03-01T00:00:00Z");
        String beforeStart = f.voteBody(settings, "2026-03-10T00:00:00Z");
        String tooFar = body(settings).replace(VotesFixture.END, "2027-06-01T00:00:00Z");

        assertThat(fieldErrors(assertProblem(call(create, post(past).as(f.manager)), 400, "validation-error"))).containsExactly("endDate");
        assertThat(fieldErrors(assertProblem(call(create, post(beforeStart).as(f.manager)), 400, "validation-error"))).containsExactly("endDate");
        assertThat(fieldErrors(assertProblem(call(create, post(tooFar).as(f.manager)), 400, "validation-error"))).containsExactly("endDate");
        assertThat(f.events.all()).isEmpty();
    }

    @Test
    void aBuildingWithoutOwnersCannotVote() {
        String body = body(settings("share", "1/2", false, false)).replace(f.buildingA1.getId(), f.buildingA2.getId());

        f.assertRefusedUnchanged(create, post(body).as(f.managerOfA2), 409, "invalid-state");
    }

    @Test
    void ownersTenantsTechniciansOtherManagersOutsidersAndAnonymousCallersCannotCreateVotes() {
        String body = body(settings("share", "1/2", false, false));
        f.assertRefusedUnchanged(create, post(body).as(f.owner1), 403, "forbidden");
        f.assertRefusedUnchanged(create, post(body).as(f.tenant), 403, "forbidden");
        f.assertRefusedUnchanged(create, post(body).as(f.technician), 403, "forbidden");
        f.assertRefusedUnchanged(create, post(body).as(f.managerOfA2), 403, "forbidden");
        f.assertRefusedUnchanged(create, post(body).as(f.outsider), 404, "not-found");
        f.assertRefusedUnchanged(create, post(body).as(f.delegate), 404, "not-found");
        f.assertRefusedUnchanged(create, post(body), 401, "unauthorized");
    }

    static Stream<Arguments> badBodies() {
        String ok = "{\"weighting\":\"share\",\"quorum\":\"1/2\"}";
        String options = "[{\"label\":\"Yes\"},{\"label\":\"No\"}]";
        return Stream.of(
                Arguments.of("{\"buildingId\":", 400, "malformed-json"),
                Arguments.of("[]", 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Roof\"", options, ok, "\"" + VotesFixture.END + "\"").replace("\"Roof\"", "42"), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", null, options, ok, "\"" + VotesFixture.END + "\""), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"<b>Roof</b>\"", options, ok, "\"" + VotesFixture.END + "\""), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Roof ${jndi:x}\"", options, ok, "\"" + VotesFixture.END + "\""), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Ro\\u0007of\"", options, ok, "\"" + VotesFixture.END + "\""), 400, "validation-error"),
                Arguments.of(vote(null, "\"Roof\"", options, ok, "\"" + VotesFixture.END + "\""), 400, "validation-error"),
                Arguments.of(vote("\"../etc\"", "\"Roof\"", options, ok, "\"" + VotesFixture.END + "\""), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Roof\"", "[{\"label\":\"Yes\"}]", ok, "\"" + VotesFixture.END + "\""), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Roof\"", "[" + "{\"label\":\"x\"},".repeat(10) + "{\"label\":\"y\"}]", ok,
                        "\"" + VotesFixture.END + "\""), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Roof\"", "[{\"label\":\"Yes\"},{\"label\":\" yes \"}]", ok,
                        "\"" + VotesFixture.END + "\""), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Roof\"", "[{\"label\":\"Yes\"},null]", ok, "\"" + VotesFixture.END + "\""), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Roof\"", "[{\"label\":\"Yes\"},{\"label\":\"<No>\"}]", ok,
                        "\"" + VotesFixture.END + "\""), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Roof\"", "\"Yes,No\"", ok, "\"" + VotesFixture.END + "\""), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Roof\"", options, null, "\"" + VotesFixture.END + "\""), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Roof\"", options, "{\"weighting\":\"area\",\"quorum\":\"1/2\"}",
                        "\"" + VotesFixture.END + "\""), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Roof\"", options, "{\"weighting\":\"share\"}", "\"" + VotesFixture.END + "\""), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Roof\"", options, "{\"weighting\":\"share\",\"quorum\":\"3/2\"}",
                        "\"" + VotesFixture.END + "\""), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Roof\"", options, "{\"weighting\":\"share\",\"quorum\":\"1/0\"}",
                        "\"" + VotesFixture.END + "\""), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Roof\"", options, "{\"weighting\":\"share\",\"quorum\":0.5}",
                        "\"" + VotesFixture.END + "\""), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Roof\"", options, "{\"weighting\":\"share\",\"quorum\":\"-1/2\"}",
                        "\"" + VotesFixture.END + "\""), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Roof\"", options, "{\"weighting\":\"share\",\"quorum\":\"1/2\",\"secret\":\"yes\"}",
                        "\"" + VotesFixture.END + "\""), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Roof\"", options, ok, null), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Roof\"", options, ok, "\"next friday\""), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Roof\"", options, ok, "\"2026-03-09T18:00:00\""), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"Roof\"", options, ok, "1773079200"), 400, "validation-error"),
                Arguments.of(vote("\"BUILDING\"", "\"" + VotesFixture.oversizeText() + "\"", options, ok,
                        "\"" + VotesFixture.END + "\""), 413, "payload-too-large"));
    }

    private static String vote(String buildingId, String title, String options, String settings, String endDate) {
        StringBuilder json = new StringBuilder("{\"description\":\"Roof works\"");
        if (buildingId != null) json.append(",\"buildingId\":").append(buildingId);
        if (title != null) json.append(",\"title\":").append(title);
        json.append(",\"options\":").append(options);
        if (settings != null) json.append(",\"settings\":").append(settings);
        if (endDate != null) json.append(",\"endDate\":").append(endDate);
        return json.append("}").toString();
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesAreRefusedAndStoreNothing(String body, int status, String type) {
        f.assertRefusedUnchanged(create, post(body.replace("BUILDING", f.buildingA1.getId())).as(f.manager), status, type);
    }

    @Test
    void aValidBodyOfTheBadBodiesShapeIsAccepted() {
        String body = vote("\"" + f.buildingA1.getId() + "\"", "\"Roof\"", "[{\"label\":\"Yes\"},{\"label\":\"No\"}]",
                "{\"weighting\":\"share\",\"quorum\":\"1/2\"}", "\"" + VotesFixture.END + "\"");

        assertThat(call(create, post(body).as(f.manager)).getStatusCode()).isEqualTo(201);
    }
}
