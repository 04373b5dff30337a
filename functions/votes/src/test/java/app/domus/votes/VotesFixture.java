package app.domus.votes;

import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.DelegatedRight;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.ids.Ids;
import app.domus.shared.json.Json;
import app.domus.shared.testing.DirectoryWorld;
import app.domus.shared.testing.RecordingLiveUpdates;
import app.domus.votes.ballots.BallotService;
import app.domus.votes.ballots.CastBallotRequest;
import app.domus.votes.lifecycle.VoteNotifier;
import app.domus.votes.lifecycle.VoteScheduler;
import app.domus.votes.live.LiveTally;
import app.domus.votes.results.ResultsService;
import app.domus.votes.vote.CreateVoteRequest;
import app.domus.votes.vote.Electorate;
import app.domus.votes.vote.VoteAccess;
import app.domus.votes.vote.VoteItem;
import app.domus.votes.vote.VoteService;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The directory world (starting at {@link #START}) with the votes services wired to it, live updates recorded,
 * and a building whose shares add up to one:
 *
 * <ul>
 *   <li>unit 1: {@code owner1}, 1/4 (and {@code delegate}, no member of the organisation, holds owner1's vote right);</li>
 *   <li>unit 2: {@code coOwnerA} and {@code coOwnerB}, 1/8 each, so 1/4 for the unit;</li>
 *   <li>unit 3: {@code owner3}, 3/8, who also owns unit 5: 1/8;</li>
 *   <li>unit 4: no owner, rented to {@code tenant}.</li>
 * </ul>
 * Building A1 also has a manager and a technician; organisation A an admin and building A2 with its own manager;
 * organisation B's admin is the outsider.
 */
public final class VotesFixture extends DirectoryWorld {
    public static final String END = "2026-03-09T18:00:00Z";

    public final RecordingLiveUpdates liveUpdates = new RecordingLiveUpdates();
    public final Electorate electorate = new Electorate(table);
    public final VoteService votes = new VoteService(table, electorate, outbox, clock);
    public final VoteAccess voteAccess = new VoteAccess(access, votes, table, clock);
    public final BallotService ballots = new BallotService(table, outbox, clock);
    public final ResultsService results = new ResultsService(ballots, clock);
    public final VoteScheduler scheduler = new VoteScheduler(table, votes, electorate, results, outbox, clock);
    public final VoteNotifier notifier = new VoteNotifier(votes, electorate, results, table, notifications);
    public final LiveTally liveTally = new LiveTally(votes, results, liveUpdates);

    public final String orgA = Ids.newId();
    public final String orgB = Ids.newId();
    public final BuildingItem buildingA1 = building(orgA, "Linden Court");
    public final BuildingItem buildingA2 = building(orgA, "Birch House");
    public final BuildingItem buildingB1 = building(orgB, "Elsewhere");
    public final UnitItem unit1 = unit(buildingA1, "1");
    public final UnitItem unit2 = unit(buildingA1, "2");
    public final UnitItem unit3 = unit(buildingA1, "3");
    public final UnitItem unit4 = unit(buildingA1, "4");
    public final UnitItem unit5 = unit(buildingA1, "5");
    public final UnitItem unitB = unit(buildingB1, "1");

    public final String admin = user("Ada Admin");
    public final String manager = user("Mona Manager");
    public final String managerOfA2 = user("Max Manager");
    public final String technician = user("Theo Technician");
    public final String tenant = user("Tom Tenant");
    public final String owner1 = user("Olga Owner");
    public final String coOwnerA = user("Carl Co-owner");
    public final String coOwnerB = user("Cora Co-owner");
    public final String owner3 = user("Otto Owner");
    public final String delegate = user("Dana Delegate");
    public final String outsider = user("Oscar Outsider");

    public VotesFixture() {
        member(admin, orgA, Role.ORG_ADMIN, null, null);
        member(manager, orgA, Role.MANAGER, buildingA1.getId(), null);
        member(managerOfA2, orgA, Role.MANAGER, buildingA2.getId(), null);
        member(technician, orgA, Role.TECHNICIAN, buildingA1.getId(), null);
        member(tenant, orgA, Role.TENANT, buildingA1.getId(), unit4.getId());
        member(outsider, orgB, Role.ORG_ADMIN, null, null);
        own(owner1, unit1, 1, 4);
        own(coOwnerA, unit2, 1, 8);
        own(coOwnerB, unit2, 1, 8);
        own(owner3, unit3, 3, 8);
        own(owner3, unit5, 1, 8);
        delegation(owner1, delegate, unit1, Set.of(DelegatedRight.VOTE.name()));
    }

    // ------------------------------------------------------------ votes

    /** A request body for a vote of building A1 ending at {@link #END}; {@code settings} is the settings object's JSON. */
    public String voteBody(String settings, String startsAt) {
        return "{\"buildingId\":\"" + buildingA1.getId() + "\",\"title\":\"New roof\",\"description\":\"Replace the roof in May\","
                + "\"options\":[{\"label\":\"Yes\"},{\"label\":\"No\"},{\"label\":\"Abstain\"}],"
                + "\"settings\":" + settings + (startsAt == null ? "" : ",\"startsAt\":\"" + startsAt + "\"")
                + ",\"endDate\":\"" + END + "\"}";
    }

    public static String settings(String weighting, String quorum, boolean changes, boolean secret) {
        return "{\"weighting\":\"" + weighting + "\",\"quorum\":\"" + quorum + "\",\"allowBallotChanges\":" + changes
                + ",\"secret\":" + secret + "}";
    }

    /** An open vote of building A1, created by its manager. */
    public VoteItem openVote(String weighting, String quorum, boolean changes, boolean secret) {
        return create(settings(weighting, quorum, changes, secret), null);
    }

    public VoteItem create(String settings, String startsAt) {
        VoteItem vote = votes.create(buildingA1, caller(manager), Json.read(voteBody(settings, startsAt), CreateVoteRequest.class));
        events.clear();
        return vote;
    }

    public BallotService.Cast cast(String userId, VoteItem vote, String optionId, String unitId) {
        VoteItem current = votes.get(vote.getId());
        var act = voteAccess.ballotRight(caller(userId), current, unitId);
        return ballots.cast(caller(userId), current, act, new CastBallotRequest(optionId, unitId), Optional.empty());
    }

    public void advance(Duration by) {
        clock.advance(by);
    }
}
