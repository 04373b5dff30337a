package app.domus.votes.ballots;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.directory.DelegatedRight;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.IdempotentCreates;
import app.domus.votes.VotesFixture;
import app.domus.votes.vote.VoteItem;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CastBallotHandlerTest {
    private final VotesFixture f = new VotesFixture();
    private final CastBallotHandler cast = new CastBallotHandler(f.idempotency, f.voteAccess, f.ballots);

    private static HttpEvents post(VoteItem vote, String body) {
        return HttpEvents.request("POST", "/votes/" + vote.getId() + "/ballots").pathParam("voteId", vote.getId()).body(body);
    }

    private static String ballot(String optionId) {
        return "{\"optionId\":\"" + optionId + "\"}";
    }

    private static String ballot(String optionId, String unitId) {
        return "{\"optionId\":\"" + optionId + "\",\"unitId\":\"" + unitId + "\"}";
    }

    private List<BallotItem> stored(VoteItem vote) {
        return f.ballots.all(vote);
    }

    @Test
    void theSameIdempotencyKeyAgainGetsTheFirstBallotBack() {
        VoteItem vote = f.openVote("share", "1/2", false, false);
        IdempotentCreates.assertKeyedCreate(cast, () -> post(vote, ballot("o1")).as(f.owner1),
                () -> post(vote, ballot("o2")).as(f.owner1), f.events, "BallotCast");
    }

    @Test
    void anOwnerCastsTheUnitsBallotWithTheUnitsShareAsItsWeight() {
        VoteItem vote = f.openVote("share", "1/2", false, false);

        APIGatewayV2HTTPResponse response = call(cast, post(vote, ballot("o1")).as(f.owner1));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
        JsonNode body = json(response);
        assertThat(body.path("unitId").asText()).isEqualTo(f.unit1.getId());
        assertThat(body.path("optionId").asText()).isEqualTo("o1");
        assertThat(body.path("weight").asText()).isEqualTo("1/4");
        assertThat(body.path("castBy").asText()).isEqualTo(f.owner1);
        assertThat(stored(vote)).singleElement().satisfies(b -> {
            assertThat(b.getSk()).isEqualTo("BALLOT#" + f.unit1.getId());
            assertThat(b.getOptionId()).isEqualTo("o1");
            assertThat(b.getWeight()).isEqualTo("1/4");
            assertThat(b.getOnBehalfOf()).isEqualTo(f.owner1);
            assertThat(b.getVersion()).isEqualTo(1L);
        });
        assertThat(f.events.ofType("BallotCast")).singleElement().satisfies(e -> {
            assertThat(e.payload().path("voteId").asText()).isEqualTo(vote.getId());
            assertThat(e.payload().path("unitId").asText()).isEqualTo(f.unit1.getId());
            assertThat(e.payload().has("optionId")).as("events never say what was chosen").isFalse();
        });
    }

    @Test
    void aSecondBallotForTheUnitIsRefusedEvenFromItsOtherOwner() {
        VoteItem vote = f.openVote("share", "1/2", false, false);
        assertThat(call(cast, post(vote, ballot("o1")).as(f.coOwnerA)).getStatusCode()).isEqualTo(201);

        f.assertRefusedUnchanged(cast, post(vote, ballot("o2")).as(f.coOwnerA), 409, "conflict");
        f.assertRefusedUnchanged(cast, post(vote, ballot("o2")).as(f.coOwnerB), 409, "conflict");
        assertThat(stored(vote)).singleElement().satisfies(b -> assertThat(b.getOptionId()).isEqualTo("o1"));
    }

    @Test
    void whereChangesAreAllowedASecondBallotReplacesTheFirstAsAVersionedUpdate() {
        VoteItem vote = f.openVote("share", "1/2", true, false);
        call(cast, post(vote, ballot("o1")).as(f.coOwnerA));
        f.advance(Duration.ofMinutes(5));

        APIGatewayV2HTTPResponse changed = call(cast, post(vote, ballot("o2")).as(f.coOwnerB));

        assertThat(changed.getStatusCode()).isEqualTo(200);
        assertThat(changed.getHeaders()).containsEntry("ETag", "\"2\"");
        assertThat(stored(vote)).singleElement().satisfies(b -> {
            assertThat(b.getOptionId()).isEqualTo("o2");
            assertThat(b.getCastBy()).isEqualTo(f.coOwnerB);
            assertThat(b.getCastAt()).isEqualTo(VotesFixture.START.toString());
            assertThat(b.getChangedAt()).isEqualTo(VotesFixture.START.plus(Duration.ofMinutes(5)).toString());
            assertThat(b.getVersion()).isEqualTo(2L);
        });
        assertThat(f.events.ofType("BallotCast")).extracting(e -> e.payload().path("changed").asBoolean()).containsExactly(false, true);
    }

    @Test
    void aChangeNamingAStaleVersionIsRefusedWith412() {
        VoteItem vote = f.openVote("share", "1/2", true, false);
        call(cast, post(vote, ballot("o1")).as(f.owner1));
        assertThat(call(cast, post(vote, ballot("o2")).as(f.owner1).header("If-Match", "\"1\"")).getStatusCode()).isEqualTo(200);

        f.assertRefusedUnchanged(cast, post(vote, ballot("o3")).as(f.owner1).header("If-Match", "\"1\""), 412, "precondition-failed");
        assertThat(call(cast, post(vote, ballot("o3")).as(f.owner1).header("If-Match", "\"2\"")).getStatusCode()).isEqualTo(200);
    }

    @Test
    void ballotsAreRefusedFromTheEndDateOnAndAfterClosing() {
        VoteItem vote = f.openVote("share", "1/2", false, false);
        f.clock.set(Instant.parse(VotesFixture.END));

        f.assertRefusedUnchanged(cast, post(vote, ballot("o1")).as(f.owner1), 409, "invalid-state");

        f.scheduler.run();
        f.assertRefusedUnchanged(cast, post(vote, ballot("o1")).as(f.owner1), 409, "invalid-state");
    }

    @Test
    void ballotsAreRefusedBeforeAScheduledVoteOpens() {
        VoteItem vote = f.create(VotesFixture.settings("share", "1/2", false, false), "2026-03-03T09:00:00Z");

        JsonNode problem = assertProblem(call(cast, post(vote, ballot("o1")).as(f.owner1)), 409, "invalid-state");
        assertThat(problem.path("detail").asText()).contains("2026-03-03T09:00:00Z");
    }

    @Test
    void aBallotThatRacesTheClosingIsRefused() {
        VoteItem vote = f.openVote("share", "1/2", false, false);
        VoteItem read = f.votes.get(vote.getId());
        var act = f.voteAccess.ballotRight(VotesFixture.caller(f.owner1), read, null);
        f.clock.set(Instant.parse(VotesFixture.END));
        f.scheduler.run();
        f.clock.set(VotesFixture.START);

        assertThatThrownBy(() -> f.ballots.cast(VotesFixture.caller(f.owner1), read, act,
                new CastBallotRequest("o1", null), Optional.empty()))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_STATE));
        assertThat(stored(vote)).isEmpty();
    }

    @Test
    void anUnknownOptionIsRefused() {
        VoteItem vote = f.openVote("share", "1/2", false, false);

        var problem = assertProblem(call(cast, post(vote, ballot("o9")).as(f.owner1)), 400, "validation-error");
        assertThat(fieldErrors(problem)).containsExactly("optionId");
        assertThat(stored(vote)).isEmpty();
    }

    @Test
    void aDelegateWithTheVoteRightCastsForTheOwnerWhoThenCannotVoteAgain() {
        VoteItem vote = f.openVote("share", "1/2", false, false);

        APIGatewayV2HTTPResponse response = call(cast, post(vote, ballot("o2")).as(f.delegate));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(stored(vote)).singleElement().satisfies(b -> {
            assertThat(b.getUnitId()).isEqualTo(f.unit1.getId());
            assertThat(b.getCastBy()).isEqualTo(f.delegate);
            assertThat(b.getOnBehalfOf()).isEqualTo(f.owner1);
            assertThat(b.getDelegationId()).isNotNull();
        });
        f.assertRefusedUnchanged(cast, post(vote, ballot("o1")).as(f.owner1), 409, "conflict");
    }

    @Test
    void aDelegateWithoutTheVoteRightCannotVote() {
        String payer = f.user("Paula Payer");
        f.delegation(f.owner3, payer, f.unit3, Set.of(DelegatedRight.PAY.name()));
        VoteItem vote = f.openVote("share", "1/2", false, false);

        f.assertRefusedUnchanged(cast, post(vote, ballot("o1", f.unit3.getId())).as(payer), 404, "not-found");
    }

    @Test
    void anOwnerOfSeveralUnitsNamesTheUnitAndCastsOneBallotForEach() {
        VoteItem vote = f.openVote("share", "1/2", false, false);

        var problem = assertProblem(call(cast, post(vote, ballot("o1")).as(f.owner3)), 400, "validation-error");
        assertThat(fieldErrors(problem)).containsExactly("unitId");

        assertThat(call(cast, post(vote, ballot("o1", f.unit3.getId())).as(f.owner3)).getStatusCode()).isEqualTo(201);
        assertThat(call(cast, post(vote, ballot("o2", f.unit5.getId())).as(f.owner3)).getStatusCode()).isEqualTo(201);
        assertThat(stored(vote)).extracting(BallotItem::getWeight).containsExactlyInAnyOrder("3/8", "1/8");
    }

    @Test
    void nonOwnersCannotVote() {
        VoteItem vote = f.openVote("share", "1/2", false, false);

        f.assertRefusedUnchanged(cast, post(vote, ballot("o1")).as(f.tenant), 403, "forbidden");
        f.assertRefusedUnchanged(cast, post(vote, ballot("o1")).as(f.manager), 403, "forbidden");
        f.assertRefusedUnchanged(cast, post(vote, ballot("o1", f.unit1.getId())).as(f.manager), 403, "forbidden");
        f.assertRefusedUnchanged(cast, post(vote, ballot("o1", f.unit1.getId())).as(f.owner3), 403, "forbidden");
        f.assertRefusedUnchanged(cast, post(vote, ballot("o1", f.unit4.getId())).as(f.tenant), 403, "forbidden");
        f.assertRefusedUnchanged(cast, post(vote, ballot("o1", f.unitB.getId())).as(f.owner1), 404, "not-found");
        f.assertRefusedUnchanged(cast, post(vote, ballot("o1", f.unit1.getId())).as(f.outsider), 404, "not-found");
        f.assertRefusedUnchanged(cast, post(vote, ballot("o1")), 401, "unauthorized");
    }

    @Test
    void aUnitOwnedOnlySinceTheVoteOpenedDoesNotVote() {
        VoteItem vote = f.openVote("share", "1/2", false, false);
        String buyer = f.user("Bea Buyer");
        f.own(buyer, f.unit4, 1, 100);

        f.assertRefusedUnchanged(cast, post(vote, ballot("o1", f.unit4.getId())).as(buyer), 403, "forbidden");
    }

    @Test
    void anUnknownVoteIsNotFound() {
        VoteItem vote = f.openVote("share", "1/2", false, false);
        vote.setId("NOSUCHVOTE");

        f.assertRefusedUnchanged(cast, post(vote, ballot("o1")).as(f.owner1), 404, "not-found");
    }

    @Test
    void ballotsForTheSameUnitSentAtTheSameMomentCountOnce() throws Exception {
        VoteItem vote = f.openVote("share", "1/2", false, false);
        List<Integer> statuses = race(8, i -> call(cast, post(vote, ballot(i % 2 == 0 ? "o1" : "o2"))
                .as(i % 2 == 0 ? f.coOwnerA : f.coOwnerB)).getStatusCode());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
        assertThat(stored(vote)).hasSize(1);
        assertThat(f.results.of(vote).participation().ballots()).isEqualTo(1);
        assertThat(f.results.of(vote).participation().weight()).isEqualTo("1/4");
        assertThat(f.events.ofType("BallotCast")).hasSize(1);
    }

    @Test
    void changesSentAtTheSameMomentStillLeaveOneBallot() throws Exception {
        VoteItem vote = f.openVote("unit", "1/2", true, false);
        List<Integer> statuses = race(8, i -> call(cast, post(vote, ballot("o" + (1 + i % 3))).as(f.owner1)).getStatusCode());

        assertThat(statuses).contains(201).allMatch(s -> s == 201 || s == 200 || s == 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(stored(vote)).singleElement().satisfies(b ->
                assertThat(b.getVersion()).isEqualTo(statuses.stream().filter(s -> s != 409).count()));
        assertThat(f.results.of(vote).participation().weight()).isEqualTo("1/1");
    }

    private static List<Integer> race(int callers, IntFunction<Integer> call) throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(callers)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> racing = IntStream.range(0, callers).mapToObj(i -> threads.submit(() -> {
                start.await();
                return call.apply(i);
            })).toList();
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : racing) statuses.add(future.get());
            return statuses;
        }
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"optionId\":", 400, "malformed-json"),
                Arguments.of("{}", 400, "validation-error"),
                Arguments.of("{\"optionId\":1}", 400, "validation-error"),
                Arguments.of("{\"optionId\":[\"o1\"]}", 400, "validation-error"),
                Arguments.of("{\"optionId\":\"<o1>\"}", 400, "validation-error"),
                Arguments.of("{\"optionId\":\"o1\",\"unitId\":\"UNIT#1\"}", 400, "validation-error"),
                Arguments.of("{\"optionId\":\"o1\",\"unitId\":\"u\\u0000\"}", 400, "validation-error"),
                Arguments.of("{\"optionId\":\"o1\",\"unitId\":true}", 400, "validation-error"),
                Arguments.of("{\"optionId\":\"" + VotesFixture.oversizeText() + "\"}", 413, "payload-too-large"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesAreRefusedAndStoreNothing(String body, int status, String type) {
        VoteItem vote = f.openVote("share", "1/2", false, false);

        f.assertRefusedUnchanged(cast, post(vote, body).as(f.owner1), status, type);
    }
}
