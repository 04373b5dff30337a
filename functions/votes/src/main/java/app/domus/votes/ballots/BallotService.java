package app.domus.votes.ballots;

import app.domus.shared.access.AccessService.OwnerAct;
import app.domus.shared.auth.Caller;
import app.domus.shared.events.Outbox;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.Page;
import app.domus.votes.vote.EligibleUnit;
import app.domus.votes.vote.VoteAccess;
import app.domus.votes.vote.VoteEvents;
import app.domus.votes.vote.VoteItem;
import app.domus.votes.vote.VoteOption;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Casts ballots, one per unit. The ballot is written in one transaction with a check that the vote is still
 * open, so no ballot lands after the scheduler has closed the vote and counted; and its key is the unit, so
 * of two ballots sent for a unit at the same moment exactly one is written.
 */
@Singleton
public class BallotService {
    private final DomusTable table;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public BallotService(DomusTable table, Outbox outbox, Clock clock) {
        this.table = table;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The ballot as written, and whether it is the unit's first. */
    public record Cast(BallotItem ballot, boolean first) {}

    /**
     * Casts the unit's ballot, or changes it where the vote allows. With {@code If-Match} a change must name the
     * ballot's current version (412 otherwise); without it, a change that crosses another is refused (409).
     */
    public Cast cast(Caller caller, VoteItem vote, OwnerAct act, CastBallotRequest request, Optional<Long> ifMatch) {
        Instant now = clock.instant();
        if (!vote.acceptsBallotsAt(now)) throw VoteAccess.notAccepting(vote);
        VoteOption option = vote.option(request.optionId())
                .orElseThrow(() -> ApiException.validation("optionId", "is not an option of this vote"));
        String unitId = act.unit().getId();
        EligibleUnit unit = vote.eligible(unitId).orElseThrow();
        BallotItem existing = consistentGet(vote.getId(), unitId);
        if (existing != null && !vote.changesAllowed()) throw alreadyCast();
        if (ifMatch.isPresent() && (existing == null || !ifMatch.get().equals(existing.getVersion()))) throw stale();

        BallotItem ballot = existing != null ? existing : newBallot(vote, unitId, now);
        if (existing != null) ballot.setChangedAt(now.toString());
        ballot.setOptionId(option.getId());
        ballot.setWeight(unit.getWeight());
        ballot.setCastBy(caller.userId());
        ballot.setOnBehalfOf(act.ownerId());
        ballot.setDelegationId(act.delegationId());
        try {
            var transaction = TransactWriteItemsEnhancedRequest.builder()
                    .addConditionCheck(table.of(VoteItem.class), stillOpen(vote))
                    .addPutItem(table.of(BallotItem.class), ballot);
            // Ballots are events of the vote: its tallies follow them in order.
            outbox.add(transaction, VoteEvents.BALLOT_CAST, vote.getOrganisationId(), vote.getId(), new VoteEvents.BallotCast(vote.getId(),
                    vote.getOrganisationId(), vote.getBuildingId(), unitId, existing != null));
            table.client().transactWriteItems(transaction.build());
        } catch (TransactionCanceledException e) {
            throw refusal(e, vote, existing == null, ifMatch.isPresent());
        }
        ballot.setVersion(existing == null ? 1L : existing.getVersion() + 1);
        return new Cast(ballot, existing == null);
    }

    /** Every ballot of the vote, read consistently: what the results count. */
    public List<BallotItem> all(VoteItem vote) {
        Key partition = Key.builder().partitionValue(VoteItem.pk(vote.getId())).sortValue(BallotItem.SK_PREFIX).build();
        return table.of(BallotItem.class).query(r -> r.queryConditional(QueryConditional.sortBeginsWith(partition))
                .consistentRead(true)).items().stream().toList();
    }

    public Page<BallotItem> page(VoteItem vote, int limit, String cursor) {
        return table.page(BallotItem.class, VoteItem.pk(vote.getId()), BallotItem.SK_PREFIX, limit, cursor);
    }

    /** The ballots of these units (those the reader votes for). */
    public List<BallotItem> ofUnits(VoteItem vote, Collection<String> unitIds) {
        return unitIds.stream().map(unitId -> consistentGet(vote.getId(), unitId)).filter(b -> b != null).toList();
    }

    private BallotItem consistentGet(String voteId, String unitId) {
        return table.of(BallotItem.class).getItem(r -> r.consistentRead(true)
                .key(Key.builder().partitionValue(VoteItem.pk(voteId)).sortValue(BallotItem.sk(unitId)).build()));
    }

    private static BallotItem newBallot(VoteItem vote, String unitId, Instant now) {
        BallotItem ballot = new BallotItem();
        ballot.setPk(VoteItem.pk(vote.getId()));
        ballot.setSk(BallotItem.sk(unitId));
        ballot.setVoteId(vote.getId());
        ballot.setUnitId(unitId);
        ballot.setCastAt(now.toString());
        return ballot;
    }

    private static ConditionCheck<VoteItem> stillOpen(VoteItem vote) {
        return ConditionCheck.builder()
                .key(Key.builder().partitionValue(vote.getPk()).sortValue(VoteItem.SK).build())
                .conditionExpression(Expression.builder()
                        .expression("#status = :open")
                        .putExpressionName("#status", "status")
                        .putExpressionValue(":open", AttributeValue.fromS(VoteItem.OPEN))
                        .build())
                .build();
    }

    /** Why the write was cancelled: the vote closed meanwhile, or another ballot for the unit got there first. */
    private static ApiException refusal(TransactionCanceledException e, VoteItem vote, boolean first, boolean ifMatch) {
        List<CancellationReason> reasons = e.cancellationReasons();
        if (failed(reasons, 0)) return VoteAccess.notAccepting(vote);
        if (failed(reasons, 1)) {
            if (ifMatch) return stale();
            if (first && !vote.changesAllowed()) return alreadyCast();
            return ApiException.conflict("Another ballot for this unit was cast at the same moment; read it and retry");
        }
        return ApiException.conflict("The ballot could not be written now; retry");
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons != null && reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static ApiException alreadyCast() {
        return ApiException.conflict("A ballot was already cast for this unit, and this vote does not allow changing it");
    }

    private static ApiException stale() {
        return new ApiException(ProblemType.PRECONDITION_FAILED, "The unit's ballot has changed since you read it; read it again");
    }
}
