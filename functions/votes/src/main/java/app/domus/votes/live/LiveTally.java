package app.domus.votes.live;

import app.domus.realtime.broadcast.TopicBroadcaster;
import app.domus.votes.results.ResultsService;
import app.domus.votes.vote.VoteItem;
import app.domus.votes.vote.VoteService;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Sends a vote's current tallies to the clients following it. The tallies are counted when the message goes out,
 * not when the ballot was cast, so messages that arrive out of order still end on the latest count.
 */
@Singleton
public class LiveTally {
    private final VoteService votes;
    private final ResultsService results;
    private final TopicBroadcaster broadcaster;

    @Inject
    public LiveTally(VoteService votes, ResultsService results, TopicBroadcaster broadcaster) {
        this.votes = votes;
        this.results = results;
        this.broadcaster = broadcaster;
    }

    /** @return the number of connections reached */
    public int send(String voteId) {
        VoteItem vote = votes.get(voteId);
        return broadcaster.broadcast(VoteItem.topic(voteId), TallyMessage.of(results.of(vote)));
    }
}
