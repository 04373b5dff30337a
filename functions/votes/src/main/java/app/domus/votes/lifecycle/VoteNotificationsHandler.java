package app.domus.votes.lifecycle;

import app.domus.shared.events.DomainEvent;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.votes.VotesComponent;

/** On {@code VoteCreated}, {@code VoteOpened} and {@code VoteClosed}: notifies the owners. */
public class VoteNotificationsHandler extends EventConsumer {
    private final IdempotencyStore idempotency;
    private final VoteNotifier notifier;

    public VoteNotificationsHandler() {
        this(VotesComponent.create());
    }

    private VoteNotificationsHandler(VotesComponent wiring) {
        this(wiring.idempotency(), wiring.notifier());
    }

    VoteNotificationsHandler(IdempotencyStore idempotency, VoteNotifier notifier) {
        this.idempotency = idempotency;
        this.notifier = notifier;
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override
    protected void handle(DomainEvent event) {
        notifier.on(event);
    }
}
