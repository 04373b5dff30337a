package app.domus.votes.vote;

import app.domus.shared.live.LiveTopicItem;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.events.Outbox;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.Page;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/** Creates votes (open at once, or scheduled) and reads them. */
@Singleton
public class VoteService {
    /** How far ahead a vote may be planned, and how long it may run. */
    static final Duration LONGEST = Duration.ofDays(366);

    private final DomusTable table;
    private final Electorate electorate;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public VoteService(DomusTable table, Electorate electorate, Outbox outbox, Clock clock) {
        this.table = table;
        this.electorate = electorate;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Creates the vote with its live-results topic. Without a future {@code startsAt} it opens now, with the
     * building's current owners as its electorate; otherwise the scheduler opens it at {@code startsAt}.
     */
    public VoteItem create(BuildingItem building, Caller caller, CreateVoteRequest request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant start = request.start().map(t -> t.truncatedTo(ChronoUnit.SECONDS)).filter(t -> t.isAfter(now)).orElse(now);
        Instant end = request.end().truncatedTo(ChronoUnit.SECONDS);
        if (!end.isAfter(now)) throw ApiException.validation("endDate", "must be in the future");
        if (!end.isAfter(start)) throw ApiException.validation("endDate", "must be after startsAt");
        if (start.isAfter(now.plus(LONGEST))) throw ApiException.validation("startsAt", "must be within a year from now");
        if (end.isAfter(start.plus(LONGEST))) throw ApiException.validation("endDate", "must be within a year of the opening");
        List<EligibleUnit> voters = electorate.snapshot(building.getId(), request.weighting());
        if (voters.isEmpty()) {
            throw new ApiException(ProblemType.INVALID_STATE, "The building has no recorded owners to vote; record its ownerships first");
        }

        VoteItem vote = new VoteItem();
        vote.setId(Ids.newId());
        vote.setPk(VoteItem.pk(vote.getId()));
        vote.setSk(VoteItem.SK);
        vote.setGsi1pk(VoteItem.byBuilding(building.getId()));
        vote.setGsi1sk(vote.getId());
        vote.setOrganisationId(building.getOrganisationId());
        vote.setBuildingId(building.getId());
        vote.setTitle(request.title().strip());
        vote.setDescription(request.description() == null ? null : request.description().strip());
        List<VoteOption> options = new ArrayList<>();
        for (int i = 0; i < request.options().size(); i++) {
            options.add(VoteOption.of("o" + (i + 1), request.options().get(i).label().strip()));
        }
        vote.setOptions(options);
        vote.setWeighting(request.weighting().name());
        vote.setQuorum(Fractions.write(request.parsedQuorum().orElseThrow()));
        vote.setAllowBallotChanges(Boolean.TRUE.equals(request.settings().allowBallotChanges()));
        vote.setSecret(Boolean.TRUE.equals(request.settings().secret()));
        vote.setStartsAt(start.toString());
        vote.setEndDate(end.toString());
        vote.setCreatedBy(caller.userId());
        vote.setCreatedAt(now.toString());
        if (start.isAfter(now)) {
            vote.setStatus(VoteItem.SCHEDULED);
            vote.dueIn(VoteItem.DUE_TO_OPEN, vote.getStartsAt());
        } else {
            open(vote, voters, now);
            vote.dueIn(VoteItem.DUE_TO_CLOSE, vote.getEndDate());
        }
        LiveTopicItem topic = LiveTopicItem.of(VoteItem.topic(vote.getId()), vote.getOrganisationId(), vote.getBuildingId(), now.toString());
        var transaction = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(table.of(VoteItem.class), vote)
                .addPutItem(table.of(LiveTopicItem.class), topic);
        outbox.add(transaction, VoteEvents.VOTE_CREATED, vote.getOrganisationId(), vote.getId(), new VoteEvents.VoteCreated(vote.getId(),
                vote.getOrganisationId(), vote.getBuildingId(), vote.statusAt(now), vote.getStartsAt(), vote.getEndDate()));
        table.client().transactWriteItems(transaction.build());
        vote.setVersion(1L);
        return vote;
    }

    /** Opens the vote with this electorate: from now on its units, owners and weights are fixed. */
    public static void open(VoteItem vote, List<EligibleUnit> voters, Instant now) {
        vote.setStatus(VoteItem.OPEN);
        vote.setEligibleUnits(voters);
        vote.setTotalWeight(Fractions.write(Electorate.totalWeight(voters)));
        vote.setOpenedAt(now.toString());
    }

    /** The vote as last written (a strongly consistent read). */
    public VoteItem get(String voteId) {
        VoteItem vote = table.of(VoteItem.class).getItem(r -> r.consistentRead(true)
                .key(Key.builder().partitionValue(VoteItem.pk(voteId)).sortValue(VoteItem.SK).build()));
        if (vote == null) throw ApiException.notFound("The vote");
        return vote;
    }

    /** A building's votes, oldest first. */
    public Page<VoteItem> list(BuildingItem building, int limit, String cursor) {
        return table.indexPage(VoteItem.class, TableItem.GSI1, VoteItem.byBuilding(building.getId()), null, limit, cursor);
    }
}
