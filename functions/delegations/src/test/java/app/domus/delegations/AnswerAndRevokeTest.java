package app.domus.delegations;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static app.domus.shared.testing.DirectoryWorld.emailOf;
import static app.domus.shared.testing.DirectoryWorld.json;
import static app.domus.delegations.DelegationsFixture.onDelegation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.directory.DelegationItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.ProblemType;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.LocalDynamo;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnswerAndRevokeTest {
    private final DelegationsFixture f = new DelegationsFixture();
    private final String id = f.delegate(f.olga, emailOf(f.fred), f.unit3B, "vote", "report_faults");

    {
        f.events.clear();
    }

    private static HttpEvents accept(String id) {
        return onDelegation("POST", id, "/accept");
    }

    private static HttpEvents decline(String id) {
        return onDelegation("POST", id, "/decline");
    }

    private static HttpEvents revoke(String id) {
        return onDelegation("DELETE", id, "");
    }

    private static HttpEvents read(String id) {
        return onDelegation("GET", id, "");
    }

    /** Asserts the refusal and that the delegation was neither written nor announced. */
    private void assertRefusedUntouched(HttpHandler handler, HttpEvents request, int status, String type) {
        long version = f.stored(id).getVersion();
        f.assertRefusedUnchanged(handler, request, status, type);
        assertThat(f.stored(id).getVersion()).as("version of the delegation").isEqualTo(version);
    }

    // ---------------------------------------------------------------- accept

    @Test
    void theDelegateAccepts() {
        var response = call(f.accept, accept(id).header("If-Match", "\"1\"").as(f.fred));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
        assertThat(json(response).path("status").asText()).isEqualTo("accepted");
        assertThat(json(response).path("direction").asText()).isEqualTo("received");
        assertThat(f.stored(id).getStatus()).isEqualTo(DelegationItem.ACCEPTED);
        assertThat(f.events.all()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("DelegationAccepted");
            assertThat(e.payload().path("delegationId").asText()).isEqualTo(id);
            assertThat(e.payload().path("delegateId").asText()).isEqualTo(f.fred);
        });
    }

    @Test
    void onlyTheDelegateAnswers() {
        assertRefusedUntouched(f.accept, accept(id).as(f.olga), 403, "forbidden");
        assertRefusedUntouched(f.decline, decline(id).as(f.olga), 403, "forbidden");
        for (String stranger : List.of(f.oscar, f.admin, f.manager, f.outsider)) {
            assertRefusedUntouched(f.accept, accept(id).as(stranger), 404, "not-found");
            assertRefusedUntouched(f.decline, decline(id).as(stranger), 404, "not-found");
        }
        assertRefusedUntouched(f.accept, accept(id), 401, "unauthorized");
        assertRefusedUntouched(f.decline, decline(id), 401, "unauthorized");
    }

    @Test
    void anAnsweredDelegationCannotBeAnsweredAgain() {
        call(f.accept, accept(id).as(f.fred));
        f.events.clear();

        assertRefusedUntouched(f.accept, accept(id).as(f.fred), 409, "invalid-state");
        assertRefusedUntouched(f.decline, decline(id).as(f.fred), 409, "invalid-state");
    }

    @Test
    void anExpiredDelegationCannotBeAccepted() {
        f.clock.advance(Duration.ofDays(30));

        assertRefusedUntouched(f.accept, accept(id).as(f.fred), 409, "invalid-state");
        assertRefusedUntouched(f.decline, decline(id).as(f.fred), 409, "invalid-state");
    }

    @Test
    void aRevokedDelegationCannotBeAccepted() {
        call(f.revoke, revoke(id).as(f.olga));
        f.events.clear();

        assertRefusedUntouched(f.accept, accept(id).as(f.fred), 409, "invalid-state");
    }

    @Test
    void aStaleIfMatchIs412() {
        assertRefusedUntouched(f.accept, accept(id).header("If-Match", "\"7\"").as(f.fred), 412, "precondition-failed");
        assertRefusedUntouched(f.accept, accept(id).header("If-Match", "yesterday").as(f.fred), 412, "precondition-failed");
        assertRefusedUntouched(f.revoke, revoke(id).header("If-Match", "\"0\"").as(f.olga), 412, "precondition-failed");
    }

    @Test
    void malformedAndUnknownIdsAre404() {
        for (String bad : List.of("NO-SUCH-DELEGATION", "a/b", "x".repeat(65), "DELEGATION#x")) {
            assertRefusedUntouched(f.accept, accept(bad).as(f.fred), 404, "not-found");
            assertRefusedUntouched(f.decline, decline(bad).as(f.fred), 404, "not-found");
            assertRefusedUntouched(f.revoke, revoke(bad).as(f.olga), 404, "not-found");
            assertProblem(call(f.get, read(bad).as(f.olga)), 404, "not-found");
        }
    }

    // ---------------------------------------------------------------- decline

    @Test
    void theDelegateDeclines() {
        var response = call(f.decline, decline(id).as(f.fred));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(json(response).path("status").asText()).isEqualTo("declined");
        assertThat(f.stored(id).getStatus()).isEqualTo(DelegationItem.DECLINED);
        assertThat(f.eventTypes()).containsExactly("DelegationDeclined");
    }

    // ---------------------------------------------------------------- revoke

    @Test
    void theOwnerRevokesAPendingDelegation() {
        var response = call(f.revoke, revoke(id).header("If-Match", "\"1\"").as(f.olga));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
        assertThat(json(response).path("status").asText()).isEqualTo("revoked");
        assertThat(f.stored(id).getStatus()).isEqualTo(DelegationItem.REVOKED);
        assertThat(f.events.all()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("DelegationRevoked");
            assertThat(e.payload().path("delegateId").asText()).isEqualTo(f.fred);
        });
    }

    @Test
    void theOwnerRevokesAnAcceptedDelegation() {
        call(f.accept, accept(id).as(f.fred));

        assertThat(call(f.revoke, revoke(id).as(f.olga)).getStatusCode()).isEqualTo(200);
        assertThat(f.stored(id).getStatus()).isEqualTo(DelegationItem.REVOKED);
        assertThat(f.eventTypes()).containsExactly("DelegationAccepted", "DelegationRevoked");
    }

    @Test
    void onlyTheOwnerWhoGaveItRevokes() {
        assertRefusedUntouched(f.revoke, revoke(id).as(f.fred), 403, "forbidden");
        for (String stranger : List.of(f.oscar, f.admin, f.outsider)) {
            assertRefusedUntouched(f.revoke, revoke(id).as(stranger), 404, "not-found");
        }
        assertRefusedUntouched(f.revoke, revoke(id), 401, "unauthorized");
    }

    @Test
    void declinedAndRevokedDelegationsCannotBeRevoked() {
        call(f.revoke, revoke(id).as(f.olga));
        String declined = f.delegate(f.olga, emailOf(f.oscar), f.unit3B, "pay");
        call(f.decline, decline(declined).as(f.oscar));
        f.events.clear();

        assertRefusedUntouched(f.revoke, revoke(id).as(f.olga), 409, "invalid-state");
        f.assertRefusedUnchanged(f.revoke, revoke(declined).as(f.olga), 409, "invalid-state");
    }

    // ---------------------------------------------------------------- read

    @Test
    void bothSidesReadTheDelegationWithItsETagAndNobodyElse() {
        var asOwner = call(f.get, read(id).as(f.olga));
        var asDelegate = call(f.get, read(id).as(f.fred));

        assertThat(asOwner.getStatusCode()).isEqualTo(200);
        assertThat(asOwner.getHeaders()).containsEntry("ETag", "\"1\"");
        assertThat(json(asOwner).path("direction").asText()).isEqualTo("given");
        assertThat(json(asDelegate).path("direction").asText()).isEqualTo("received");
        assertThat(json(asDelegate).path("unitId").asText()).isEqualTo(f.unit3B);
        assertProblem(call(f.get, read(id).as(f.oscar)), 404, "not-found");
        assertProblem(call(f.get, read(id).as(f.outsider)), 404, "not-found");
        assertProblem(call(f.get, read(id)), 401, "unauthorized");
    }

    @Test
    void anAcceptedDelegationPastItsExpiryShowsAsExpired() {
        call(f.accept, accept(id).as(f.fred));
        f.clock.advance(Duration.ofDays(31));

        assertThat(json(call(f.get, read(id).as(f.olga))).path("status").asText()).isEqualTo("expired");
        assertThat(f.stored(id).getStatus()).isEqualTo(DelegationItem.ACCEPTED);
    }

    // ---------------------------------------------------------------- racing

    /** A table that lets a rival write land between the service's read of a delegation and its write. */
    private static final class InterleavingTable extends DomusTable {
        private Runnable afterNextRead;

        InterleavingTable(DelegationsFixture f) {
            super(LocalDynamo.enhanced(), f.config);
        }

        @Override
        public <T extends TableItem> Optional<T> get(Class<T> type, String pk, String sk) {
            Optional<T> read = super.get(type, pk, sk);
            if (type == DelegationItem.class && afterNextRead != null) {
                Runnable rival = afterNextRead;
                afterNextRead = null;
                rival.run();
            }
            return read;
        }
    }

    @Test
    void anAcceptRacingARevokeLosesWith409AndTheRevokeStands() {
        InterleavingTable table = new InterleavingTable(f);
        DelegationQueries queries = new DelegationQueries(table);
        DelegationService racing = new DelegationService(table, f.access, queries, new DelegationLoops(queries), f.outbox, f.clock);
        table.afterNextRead = () -> f.delegations.revoke(caller(f.olga), id, Optional.empty());

        assertThatThrownBy(() -> racing.accept(caller(f.fred), id, Optional.empty()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.CONFLICT));
        assertThat(f.stored(id).getStatus()).isEqualTo(DelegationItem.REVOKED);
        assertThat(f.eventTypes()).containsExactly("DelegationRevoked");
    }

    @Test
    void aRevokeRacingAnAcceptWithIfMatchLosesWith412() {
        InterleavingTable table = new InterleavingTable(f);
        DelegationQueries queries = new DelegationQueries(table);
        DelegationService racing = new DelegationService(table, f.access, queries, new DelegationLoops(queries), f.outbox, f.clock);
        table.afterNextRead = () -> f.delegations.accept(caller(f.fred), id, Optional.empty());

        assertThatThrownBy(() -> racing.revoke(caller(f.olga), id, Optional.of(1L)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_FAILED));
        assertThat(f.stored(id).getStatus()).isEqualTo(DelegationItem.ACCEPTED);
        assertThat(f.eventTypes()).containsExactly("DelegationAccepted");
    }

    static Stream<Arguments> rounds() {
        return Stream.of(Arguments.of(1), Arguments.of(2), Arguments.of(3), Arguments.of(4), Arguments.of(5));
    }

    @ParameterizedTest
    @MethodSource("rounds")
    void concurrentAcceptAndRevokeOnTheSameVersionHaveExactlyOneWinner(int round) throws Exception {
        String contested = f.delegate(f.oscar, emailOf(f.fred), f.unit3B, "pay");
        f.events.clear();
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<APIGatewayV2HTTPResponse> accepting = CompletableFuture.supplyAsync(() -> {
            await(start);
            return call(f.accept, accept(contested).header("If-Match", "\"1\"").as(f.fred));
        });
        CompletableFuture<APIGatewayV2HTTPResponse> revoking = CompletableFuture.supplyAsync(() -> {
            await(start);
            return call(f.revoke, revoke(contested).header("If-Match", "\"1\"").as(f.oscar));
        });

        List<Integer> statuses = new ArrayList<>(List.of(accepting.get().getStatusCode(), revoking.get().getStatusCode()));
        assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 412);
        DelegationItem stored = f.stored(contested);
        assertThat(stored.getVersion()).isEqualTo(2L);
        String winner = accepting.get().getStatusCode() == 200 ? DelegationItem.ACCEPTED : DelegationItem.REVOKED;
        assertThat(stored.getStatus()).isEqualTo(winner);
        assertThat(f.events.all()).hasSize(1);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
