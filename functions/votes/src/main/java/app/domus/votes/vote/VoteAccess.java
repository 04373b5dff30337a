package app.domus.votes.vote;

import app.domus.shared.access.AccessService;
import app.domus.shared.access.AccessService.OwnerAct;
import app.domus.shared.access.Action;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.DelegatedRight;
import app.domus.shared.directory.DelegationItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may see a vote, see its ballots, and cast a ballot, on top of the access service's rules. To anyone who
 * may not see a vote, it does not exist.
 *
 * <ul>
 *   <li>see it and its results: whoever may read its building, and delegates holding the vote right for one of
 *       its units (who need not be members of the organisation);</li>
 *   <li>see who voted what: the building's admins, managers and owners (who see the shares the ballots weigh),
 *       and nobody at all for a secret vote;</li>
 *   <li>cast a ballot: for an eligible unit, its owners and their delegates with the vote right.</li>
 * </ul>
 */
@Singleton
public class VoteAccess {
    private final AccessService access;
    private final VoteService votes;
    private final DomusTable table;
    private final Clock clock;

    @Inject
    public VoteAccess(AccessService access, VoteService votes, DomusTable table, Clock clock) {
        this.access = access;
        this.votes = votes;
        this.table = table;
        this.clock = clock;
    }

    public VoteItem readable(Caller caller, String voteId) {
        VoteItem vote = votes.get(voteId);
        try {
            access.building(caller, vote.getBuildingId(), Action.READ);
            return vote;
        } catch (ApiException denied) {
            if (!voterUnits(caller, vote).isEmpty()) return vote;
            throw denied.type() == ProblemType.NOT_FOUND ? ApiException.notFound("The vote") : denied;
        }
    }

    public VoteItem ballotsReadable(Caller caller, String voteId) {
        VoteItem vote = votes.get(voteId);
        try {
            access.building(caller, vote.getBuildingId(), Action.VIEW_SHARES);
        } catch (ApiException denied) {
            throw denied.type() == ProblemType.NOT_FOUND ? ApiException.notFound("The vote") : denied;
        }
        if (vote.keepsBallotsSecret()) throw ApiException.forbidden("The ballots of a secret vote are not disclosed to anyone");
        return vote;
    }

    /** The eligible units of the vote the caller may cast a ballot for, as an owner or as a delegate. */
    public Set<String> voterUnits(Caller caller, VoteItem vote) {
        Set<String> units = new TreeSet<>();
        if (vote.electorate().isEmpty()) return units;
        for (MembershipItem m : access.memberships(caller.userId(), vote.getOrganisationId())) {
            if (m.roleValue() == Role.OWNER && m.getUnitId() != null && vote.eligible(m.getUnitId()).isPresent()) {
                units.add(m.getUnitId());
            }
        }
        Instant now = clock.instant();
        for (DelegationItem d : table.indexPage(DelegationItem.class, TableItem.GSI1, DelegationItem.receivedBy(caller.userId()),
                "UNIT#", 100, null).items()) {
            if (units.contains(d.getUnitId()) || vote.eligible(d.getUnitId()).isEmpty() || !d.grants(DelegatedRight.VOTE, now)) {
                continue;
            }
            if (holdsVoteRight(caller, d.getUnitId())) units.add(d.getUnitId());
        }
        return units;
    }

    /**
     * For which unit, and on whose behalf, the caller casts a ballot now. Without a unit, the caller's only unit in
     * the vote is meant; a caller with several must say which.
     */
    public OwnerAct ballotRight(Caller caller, VoteItem vote, String unitId) {
        Instant now = clock.instant();
        if (!vote.acceptsBallotsAt(now)) throw notAccepting(vote);
        String unit = unitId != null ? unitId : onlyVoterUnit(caller, vote);
        OwnerAct act = access.ownerRight(caller, unit, DelegatedRight.VOTE);
        if (vote.eligible(unit).isEmpty()) throw ApiException.forbidden("This unit is not among the units that vote in this vote");
        return act;
    }

    /** Refusal of a ballot outside the vote's opening hours. */
    public static ApiException notAccepting(VoteItem vote) {
        return new ApiException(ProblemType.INVALID_STATE, VoteItem.SCHEDULED.equals(vote.getStatus())
                ? "The vote opens at " + vote.getStartsAt() : "The vote ended at " + vote.getEndDate());
    }

    private String onlyVoterUnit(Caller caller, VoteItem vote) {
        Set<String> units = voterUnits(caller, vote);
        if (units.isEmpty()) throw ApiException.forbidden("You hold no vote right for a unit in this vote");
        if (units.size() > 1) throw ApiException.validation("unitId", "is required: you may vote for several units in this vote");
        return units.iterator().next();
    }

    private boolean holdsVoteRight(Caller caller, String unitId) {
        try {
            access.ownerRight(caller, unitId, DelegatedRight.VOTE);
            return true;
        } catch (ApiException e) {
            return false;
        }
    }
}
