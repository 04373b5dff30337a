package app.domus.votes.live;

import app.domus.shared.live.LiveUpdates;
import app.domus.votes.results.ResultsService;
import app.domus.votes.vote.VoteItem;
import app.domus.votes.vote.VoteService;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Sends a vote's current tallies to the clients following it, through the kernel's live-updates port. The tallies are counted when the message goes out,
 * not when the ballot was cast, so messages that arrive out of order still end on the latest count.
 */
@Singleton
public class LiveTally {
    private final VoteService votes;
    private final ResultsService results;
    private final LiveUpdates liveUpdates;

    @Inject
    public LiveTally(VoteService votes, ResultsService results, LiveUpdates liveUpdates) {
        this.votes = votes;
        this.results = results;
        this.liveUpdates = liveUpdates;
    }

    public void send(String voteId) {
        VoteItem vote = votes.get(voteId);
        liveUpdates.send(VoteItem.topic(voteId), TallyMessage.of(results.of(vote)));
    }
}
