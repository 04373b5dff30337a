package app.domus.votes.lifecycle;

import app.domus.shared.events.EventConsumer;
import app.domus.votes.vote.VoteEvents;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.votes.VotesComponent;

/** On {@code VoteCreated}, {@code VoteOpened} and {@code VoteClosed}: notifies the owners. */
public class VoteNotificationsHandler extends EventConsumer<VoteEvents.VoteChange> {
    private final VoteNotifier notifier;

    public VoteNotificationsHandler() {
        this(VotesComponent.create());
    }

    private VoteNotificationsHandler(VotesComponent wiring) {
        this(wiring.idempotency(), wiring.notifier());
    }

    VoteNotificationsHandler(IdempotencyStore idempotency, VoteNotifier notifier) {
        super(VoteEvents.VoteChange.class, idempotency, VoteEvents.VOTE_CREATED, VoteEvents.VOTE_OPENED, VoteEvents.VOTE_CLOSED);
        this.notifier = notifier;
    }

    @Override
    protected void handle(VoteEvents.VoteChange event) {
        notifier.on(event);
    }
}
