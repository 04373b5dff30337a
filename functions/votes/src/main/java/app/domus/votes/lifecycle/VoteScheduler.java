package app.domus.votes.lifecycle;

import app.domus.shared.events.Outbox;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import app.domus.votes.results.Results;
import app.domus.votes.results.ResultsService;
import app.domus.votes.vote.Electorate;
import app.domus.votes.vote.VoteEvents;
import app.domus.votes.vote.VoteItem;
import app.domus.votes.vote.VoteService;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * Opens scheduled votes at their start and closes open votes at their end, every minute. A vote leaves the
 * scheduler's to-do partition only after its transition is written and announced, so a round that fails halfway
 * is finished by the next one; announcing twice is harmless, since every consumer handles a vote's opening and
 * closing by the vote's id.
 */
@Singleton
public class VoteScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(VoteScheduler.class);

    private final DomusTable table;
    private final VoteService votes;
    private final Electorate electorate;
    private final ResultsService results;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public VoteScheduler(DomusTable table, VoteService votes, Electorate electorate, ResultsService results,
                         Outbox outbox, Clock clock) {
        this.table = table;
        this.votes = votes;
        this.electorate = electorate;
        this.results = results;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What one round did. */
    public record Round(int opened, int closed) {}

    public Round run() {
        Instant now = clock.instant();
        int opened = 0;
        int closed = 0;
        int failed = 0;
        for (VoteItem due : due(VoteItem.DUE_TO_OPEN, now)) {
            try {
                open(due.getId(), now);
                opened++;
            } catch (RuntimeException e) {
                LOG.error("Opening vote {} failed; the next round retries", due.getId(), e);
                failed++;
            }
        }
        for (VoteItem due : due(VoteItem.DUE_TO_CLOSE, now)) {
            try {
                close(due.getId(), now);
                closed++;
            } catch (RuntimeException e) {
                LOG.error("Closing vote {} failed; the next round retries", due.getId(), e);
                failed++;
            }
        }
        if (failed > 0) throw new IllegalStateException(failed + " vote(s) could not be opened or closed");
        return new Round(opened, closed);
    }

    /** Opens the vote with the building's owners of this moment as its electorate. */
    private void open(String voteId, Instant now) {
        VoteItem vote = votes.get(voteId);
        if (!VoteItem.DUE_TO_OPEN.equals(vote.getGsi2pk())) return;
        if (VoteItem.SCHEDULED.equals(vote.getStatus())) {
            VoteService.open(vote, electorate.snapshot(vote.getBuildingId(), vote.weightingValue()), now);
        }
        vote.dueIn(VoteItem.DUE_TO_CLOSE, vote.getEndDate());
        var transaction = TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table.of(VoteItem.class), vote);
        outbox.add(transaction, VoteEvents.VOTE_OPENED, vote.getOrganisationId(), vote.getId(), new VoteEvents.VoteOpened(vote.getId(),
                vote.getOrganisationId(), vote.getBuildingId(), vote.getStatus().toLowerCase(java.util.Locale.ROOT), vote.electorate().size(), vote.getEndDate()));
        table.client().transactWriteItems(transaction.build());
    }

    /**
     * Closes the vote before counting: a ballot commits only while the vote is open, so once it is closed the
     * count cannot miss a ballot.
     */
    private void close(String voteId, Instant now) {
        VoteItem vote = votes.get(voteId);
        if (VoteItem.OPEN.equals(vote.getStatus())) {
            vote.setStatus(VoteItem.CLOSED);
            vote.setClosedAt(now.toString());
            vote = table.of(VoteItem.class).updateItem(vote);
        }
        if (!VoteItem.DUE_TO_CLOSE.equals(vote.getGsi2pk())) return;
        Results counted = results.of(vote);
        vote.dueIn(null, null);
        var transaction = TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table.of(VoteItem.class), vote);
        outbox.add(transaction, VoteEvents.VOTE_CLOSED, vote.getOrganisationId(), vote.getId(), new VoteEvents.VoteClosed(vote.getId(),
                vote.getOrganisationId(), vote.getBuildingId(), vote.getStatus().toLowerCase(java.util.Locale.ROOT), vote.getClosedAt(), counted.quorumReached()));
        table.client().transactWriteItems(transaction.build());
    }

    /** The votes of the to-do partition whose time has come (sort keys are {@code <time>#<id>}). */
    private List<VoteItem> due(String partition, Instant now) {
        String until = now.truncatedTo(ChronoUnit.SECONDS) + "#~";
        return table.of(VoteItem.class).index(TableItem.GSI2)
                .query(QueryConditional.sortLessThanOrEqualTo(Key.builder().partitionValue(partition).sortValue(until).build()))
                .stream().flatMap(page -> page.items().stream()).toList();
    }
}
