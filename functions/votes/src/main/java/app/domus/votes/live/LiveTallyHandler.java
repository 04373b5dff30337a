package app.domus.votes.live;

import app.domus.shared.events.DomainEvent;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.votes.VotesComponent;
import app.domus.votes.vote.VoteEvents;

/** On {@code BallotCast} and {@code VoteClosed}: broadcasts the vote's weighted tallies over the WebSocket API. */
public class LiveTallyHandler extends EventConsumer {
    private final IdempotencyStore idempotency;
    private final LiveTally liveTally;

    public LiveTallyHandler() {
        this(VotesComponent.create());
    }

    private LiveTallyHandler(VotesComponent wiring) {
        this(wiring.idempotency(), wiring.liveTally());
    }

    LiveTallyHandler(IdempotencyStore idempotency, LiveTally liveTally) {
        this.idempotency = idempotency;
        this.liveTally = liveTally;
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override
    protected void handle(DomainEvent event) {
        if (!VoteEvents.BALLOT_CAST.equals(event.type()) && !VoteEvents.VOTE_CLOSED.equals(event.type())) return;
        String voteId = event.payload().path("voteId").asText(null);
        if (voteId == null) throw new IllegalArgumentException("The " + event.type() + " event names no vote");
        liveTally.send(voteId);
    }
}
