package app.domus.votes.results;

import app.domus.votes.ballots.BallotService;
import app.domus.votes.vote.VoteItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * A vote's results, counted afresh from its ballots on every read: ballots of the same unit are one item, so
 * concurrent ballots can neither be counted twice nor make a running total drift.
 */
@Singleton
public class ResultsService {
    private final BallotService ballots;
    private final Clock clock;

    @Inject
    public ResultsService(BallotService ballots, Clock clock) {
        this.ballots = ballots;
        this.clock = clock;
    }

    public Results of(VoteItem vote) {
        return Tallying.count(vote, ballots.all(vote), clock.instant());
    }
}
