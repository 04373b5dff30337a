package app.domus.delegations;

import static app.domus.delegations.DelegationsFixture.body;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static app.domus.shared.testing.DirectoryWorld.emailOf;
import static app.domus.delegations.DelegationsFixture.onDelegation;
import static app.domus.delegations.DelegationsFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.directory.DelegationItem;
import app.domus.shared.directory.Role;
import app.domus.shared.ids.Ids;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Co-owners of unit 3B (Olga, Oscar, Owen) delegating to each other: a delegation that would close a loop is refused. */
class DelegationLoopsTest {
    private final DelegationsFixture f = new DelegationsFixture();

    private JsonNode refusedAsLoop(String owner, String delegate, String unitId) {
        JsonNode problem = f.assertRefusedUnchanged(f.create, post(body(emailOf(delegate), unitId, f.inDays(30), "vote")).as(owner),
                409, "conflict");
        assertThat(problem.path("detail").asText()).contains("loop");
        return problem;
    }

    private int created(String owner, String delegate, String unitId) {
        return call(f.create, post(body(emailOf(delegate), unitId, f.inDays(30), "vote")).as(owner)).getStatusCode();
    }

    @Test
    void twoCoOwnersCannotDelegateToEachOther() {
        f.delegate(f.olga, emailOf(f.oscar), f.unit3B, "vote");

        JsonNode problem = refusedAsLoop(f.oscar, f.olga, f.unit3B);
        assertThat(problem.path("loop")).extracting(JsonNode::asText).containsExactly(f.olga, f.oscar);
    }

    @Test
    void anAcceptedDelegationClosesTheLoopAsWellAsAPendingOne() {
        f.delegateAccepted(f.olga, f.oscar, f.unit3B, "pay");

        refusedAsLoop(f.oscar, f.olga, f.unit3B);
    }

    @Test
    void threeCoOwnersCannotDelegateInACircle() {
        f.delegate(f.olga, emailOf(f.oscar), f.unit3B, "vote");
        f.delegateAccepted(f.oscar, f.owen, f.unit3B, "vote");

        JsonNode problem = refusedAsLoop(f.owen, f.olga, f.unit3B);
        assertThat(problem.path("loop")).extracting(JsonNode::asText).containsExactly(f.olga, f.oscar, f.owen);
        assertThat(created(f.olga, f.owen, f.unit3B)).as("a second path forward is no loop").isEqualTo(201);
    }

    @Test
    void aLongerCircleIsFoundToo() {
        String fourth = f.user("Ophelia Owner");
        f.member(fourth, f.orgA, Role.OWNER, f.buildingA1, f.unit3B);
        f.delegate(f.olga, emailOf(f.oscar), f.unit3B, "vote");
        f.delegate(f.oscar, emailOf(f.owen), f.unit3B, "vote");
        f.delegate(f.owen, emailOf(fourth), f.unit3B, "vote");

        JsonNode problem = refusedAsLoop(fourth, f.olga, f.unit3B);
        assertThat(problem.path("loop")).extracting(JsonNode::asText).containsExactly(f.olga, f.oscar, f.owen, fourth);
    }

    @Test
    void aDeclinedDelegationClosesNoLoop() {
        String declined = f.delegate(f.olga, emailOf(f.oscar), f.unit3B, "vote");
        f.delegations.decline(caller(f.oscar), declined, Optional.empty());

        assertThat(created(f.oscar, f.olga, f.unit3B)).isEqualTo(201);
    }

    @Test
    void aRevokedDelegationClosesNoLoop() {
        String revoked = f.delegateAccepted(f.olga, f.oscar, f.unit3B, "vote");
        f.delegations.revoke(caller(f.olga), revoked, Optional.empty());

        assertThat(created(f.oscar, f.olga, f.unit3B)).isEqualTo(201);
    }

    @Test
    void anExpiredDelegationClosesNoLoop() {
        f.delegateUntil(f.olga, emailOf(f.oscar), f.unit3B, f.inDays(1), "vote");
        f.clock.advance(Duration.ofDays(2));

        assertThat(created(f.oscar, f.olga, f.unit3B)).isEqualTo(201);
    }

    @Test
    void delegationsForAnotherUnitAreNoLoop() {
        f.member(f.olga, f.orgA, Role.OWNER, f.buildingA1, f.unit4A);
        f.member(f.oscar, f.orgA, Role.OWNER, f.buildingA1, f.unit4A);
        f.delegate(f.olga, emailOf(f.oscar), f.unit3B, "vote");

        assertThat(created(f.oscar, f.olga, f.unit4A)).as("rights for 4A do not flow back through 3B").isEqualTo(201);
        refusedAsLoop(f.oscar, f.olga, f.unit3B);
    }

    @Test
    void aDelegationToAnAddressClosesTheLoopOnceItsOwnerHasAnAccount() {
        f.delegate(f.olga, "ola.later@example.test", f.unit3B, "vote");
        assertThat(created(f.oscar, f.olga, f.unit3B)).as("no account yet: nobody to come back from").isEqualTo(201);

        String ola = f.register(Ids.newId(), "Ola Later", "ola.later@example.test");
        f.member(ola, f.orgA, Role.OWNER, f.buildingA1, f.unit3B);

        f.assertRefusedUnchanged(f.create, post(body(emailOf(f.olga), f.unit3B, f.inDays(30), "report_faults")).as(ola),
                409, "conflict");
    }

    @Test
    void acceptingADelegationThatRacedIntoALoopIsRefused() {
        String olgaToOscar = f.delegate(f.olga, emailOf(f.oscar), f.unit3B, "vote");
        // Oscar's delegation back to Olga slipped in at the same moment, past the check at creation.
        DelegationItem back = f.stored(olgaToOscar);
        back.setId("RACED");
        back.setPk(DelegationItem.pk("RACED"));
        back.setOwnerId(f.oscar);
        back.setDelegateId(f.olga);
        back.setDelegateEmail(emailOf(f.olga));
        back.setGsi1pk(DelegationItem.receivedBy(f.olga));
        back.setGsi1sk(DelegationItem.forUnit(f.unit3B) + "RACED");
        back.setGsi2pk(DelegationItem.givenBy(f.oscar));
        back.setGsi2sk("RACED");
        back.setRights(Set.of("PAY"));
        back.setVersion(null);
        f.table.of(DelegationItem.class).putItem(back);

        f.assertRefusedUnchanged(f.accept, onDelegation("POST", olgaToOscar, "/accept").as(f.oscar), 409, "conflict");
        assertThat(f.stored(olgaToOscar).getStatus()).isEqualTo(DelegationItem.PENDING);
    }
}
