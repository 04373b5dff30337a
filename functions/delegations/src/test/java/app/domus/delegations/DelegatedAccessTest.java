package app.domus.delegations;

import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static app.domus.shared.testing.DirectoryWorld.emailOf;
import static app.domus.shared.testing.DirectoryWorld.json;
import static app.domus.delegations.DelegationsFixture.onDelegation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.access.AccessService;
import app.domus.shared.directory.DelegatedRight;
import app.domus.shared.directory.DelegationItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a delegation lets its delegate do, as the one authorisation service ({@link AccessService#ownerRight}) decides. */
class DelegatedAccessTest {
    private final DelegationsFixture f = new DelegationsFixture();

    private AccessService.OwnerAct act(String userId, String unitId, DelegatedRight right) {
        return f.access.ownerRight(caller(userId), unitId, right);
    }

    private void refused(String userId, String unitId, DelegatedRight right) {
        assertThatThrownBy(() -> act(userId, unitId, right)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.type()).isIn(ProblemType.NOT_FOUND, ProblemType.FORBIDDEN));
    }

    @Test
    void anAcceptedVoteDelegationLetsTheDelegateVoteForTheOwnerAndNothingMore() {
        String id = f.delegateAccepted(f.olga, f.fred, f.unit3B, "vote", "report_faults");

        AccessService.OwnerAct vote = act(f.fred, f.unit3B, DelegatedRight.VOTE);
        assertThat(vote.ownerId()).isEqualTo(f.olga);
        assertThat(vote.delegationId()).isEqualTo(id);
        assertThat(act(f.fred, f.unit3B, DelegatedRight.REPORT_FAULTS).ownerId()).isEqualTo(f.olga);
        refused(f.fred, f.unit3B, DelegatedRight.PAY);
        refused(f.fred, f.unit3B, DelegatedRight.VIEW_FINANCES);
        refused(f.fred, f.unit4A, DelegatedRight.VOTE);
    }

    @Test
    void aPendingOrDeclinedDelegationGrantsNothing() {
        String pending = f.delegate(f.olga, emailOf(f.fred), f.unit3B, "vote");
        refused(f.fred, f.unit3B, DelegatedRight.VOTE);

        f.delegations.decline(caller(f.fred), pending, Optional.empty());
        refused(f.fred, f.unit3B, DelegatedRight.VOTE);
    }

    @Test
    void aDelegationGrantsNothingOnceExpired() {
        f.delegateAccepted(f.olga, f.fred, f.unit3B, "vote");
        f.clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertThat(act(f.fred, f.unit3B, DelegatedRight.VOTE).ownerId()).isEqualTo(f.olga);

        f.clock.advance(Duration.ofSeconds(1));
        refused(f.fred, f.unit3B, DelegatedRight.VOTE);
    }

    @Test
    void aDelegationGrantsNothingOnceRevoked() {
        String id = f.delegateAccepted(f.olga, f.fred, f.unit3B, "vote");
        assertThat(act(f.fred, f.unit3B, DelegatedRight.VOTE).delegationId()).isEqualTo(id);

        assertThat(call(f.revoke, onDelegation("DELETE", id, "").as(f.olga)).getStatusCode()).isEqualTo(200);
        refused(f.fred, f.unit3B, DelegatedRight.VOTE);
    }

    @Test
    void someoneWithoutAnAccountRegistersLaterFindsTheDelegationAndAccepts() {
        String id = f.delegate(f.olga, "nina.new@example.test", f.unit3B, "vote");
        String nina = f.register(Ids.newId(), "Nina New", "nina.new@example.test");
        Map<String, String> ninasToken = Map.of("sub", nina, "email", "Nina.New@example.test", "sid", "s-nina");

        JsonNode received = json(call(f.list, HttpEvents.request("GET", "/delegations").query("direction", "received")
                .claims(ninasToken)));
        assertThat(received.path("items")).singleElement().satisfies(d -> {
            assertThat(d.path("delegationId").asText()).isEqualTo(id);
            assertThat(d.path("status").asText()).isEqualTo("pending");
            assertThat(d.path("direction").asText()).isEqualTo("received");
        });
        assertThat(call(f.get, onDelegation("GET", id, "").claims(ninasToken)).getStatusCode()).isEqualTo(200);

        var accepted = call(f.accept, onDelegation("POST", id, "/accept").claims(ninasToken));

        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(200);
        DelegationItem stored = f.stored(id);
        assertThat(stored.getStatus()).isEqualTo(DelegationItem.ACCEPTED);
        assertThat(stored.getDelegateId()).isEqualTo(nina);
        assertThat(stored.getGsi1pk()).isEqualTo(DelegationItem.receivedBy(nina));
        assertThat(f.events.last().payload().path("delegateId").asText()).isEqualTo(nina);
        assertThat(act(nina, f.unit3B, DelegatedRight.VOTE).ownerId()).isEqualTo(f.olga);
        assertThat(json(call(f.list, HttpEvents.request("GET", "/delegations").claims(ninasToken))).path("items"))
                .as("listed once, now under her id").singleElement()
                .satisfies(d -> assertThat(d.path("delegateId").asText()).isEqualTo(nina));
    }

    @Test
    void anEmailClaimTheAccountDoesNotHoldFindsNothing() {
        String id = f.delegate(f.olga, "nina.new@example.test", f.unit3B, "vote");
        Map<String, String> beforeRegistering = Map.of("sub", Ids.newId(), "email", "nina.new@example.test", "sid", "s");
        Map<String, String> someoneElseClaimingIt = Map.of("sub", f.fred, "email", "nina.new@example.test", "sid", "s");
        f.register(Ids.newId(), "Nina New", "nina.new@example.test");

        for (Map<String, String> token : List.of(beforeRegistering, someoneElseClaimingIt)) {
            f.assertRefusedUnchanged(f.accept, onDelegation("POST", id, "/accept").claims(token), 404, "not-found");
            assertThat(call(f.get, onDelegation("GET", id, "").claims(token)).getStatusCode()).isEqualTo(404);
            assertThat(json(call(f.list, HttpEvents.request("GET", "/delegations").claims(token))).path("items")).isEmpty();
        }
        assertThat(f.stored(id).getStatus()).isEqualTo(DelegationItem.PENDING);
    }

    @Test
    void aDelegationEndsWhenItsOwnerNoLongerOwnsTheUnit() {
        f.delegateAccepted(f.olga, f.fred, f.unit3B, "vote");
        f.table.of(MembershipItem.class).deleteItem(
                MembershipItem.of(f.olga, f.orgA, Role.OWNER, f.buildingA1, f.unit3B, DelegationsFixture.START.toString()));

        refused(f.fred, f.unit3B, DelegatedRight.VOTE);
    }
}
