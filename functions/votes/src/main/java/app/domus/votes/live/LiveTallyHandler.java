package app.domus.votes.live;

import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.votes.VotesComponent;
import app.domus.votes.vote.VoteEvents;

/** On {@code BallotCast} and {@code VoteClosed}: broadcasts the vote's weighted tallies over the WebSocket API. */
public class LiveTallyHandler extends EventConsumer<VoteEvents.VoteChange> {
    private final LiveTally liveTally;

    public LiveTallyHandler() {
        this(VotesComponent.create());
    }

    private LiveTallyHandler(VotesComponent wiring) {
        this(wiring.idempotency(), wiring.liveTally());
    }

    LiveTallyHandler(IdempotencyStore idempotency, LiveTally liveTally) {
        super(VoteEvents.VoteChange.class, idempotency, VoteEvents.BALLOT_CAST, VoteEvents.VOTE_CLOSED);
        this.liveTally = liveTally;
    }

    @Override
    protected void handle(VoteEvents.VoteChange event) {
        liveTally.send(event.voteId());
    }
}
