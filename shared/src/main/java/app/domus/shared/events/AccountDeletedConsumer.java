package app.domus.shared.events;

import app.domus.shared.idempotency.IdempotencyStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of a context's consumer of {@code AccountDeleted} (privacy's event, GDPR Art. 17): the context erases what it holds
 * of the person ({@link #erase}). An event without its person is a failure, so it ends in the DLQ rather than being
 * acknowledged with nothing erased. What each context does is in docs/privacy.md ("Left to the other contexts").
 */
public abstract class AccountDeletedConsumer extends EventConsumer<AccountDeletedConsumer.Deleted> {
    public static final String TYPE = "AccountDeleted";
    private static final Logger LOG = LoggerFactory.getLogger(AccountDeletedConsumer.class);

    /** The event's payload as privacy writes it: whose account (its id, a pseudonym from now on), when, its organisations. */
    public record Deleted(String userId, String deletedAt, List<String> organisationIds) {}

    protected AccountDeletedConsumer(IdempotencyStore idempotency) {
        super(Deleted.class, idempotency, TYPE);
    }

    /** Erases the context's data of the deleted account; safe to repeat; returns how many items it changed. Throw to retry. */
    protected abstract int erase(String userId);

    @Override
    protected final void handle(Deleted deleted) {
        if (deleted.userId() == null || deleted.userId().isBlank()) throw new IllegalArgumentException("AccountDeleted without a userId");
        LOG.info("{} erased {} items of a deleted account", getClass().getSimpleName(), erase(deleted.userId()));
    }
}
