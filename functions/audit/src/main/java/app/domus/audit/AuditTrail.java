package app.domus.audit;

import app.domus.shared.events.DomainEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records a security-relevant event in the chain of each organisation it concerns (see {@link AuditActions}). */
@Singleton
public class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditLog log;

    @Inject
    public AuditTrail(AuditLog log) {
        this.log = log;
    }

    /** Appends the event to each organisation's chain; already appended chains are passed over, so a retry completes. */
    public void record(DomainEvent event) {
        Set<String> organisations = AuditActions.organisations(event);
        if (organisations.isEmpty()) {
            // A person with no organisation (a portal user's sign-in): no organisation's admins may read it.
            LOG.info("{} {} concerns no organisation; nothing to append", event.type(), event.id());
            return;
        }
        for (String organisationId : organisations) {
            AuditLog.Appended appended = log.append(AuditActions.draft(event, organisationId));
            LOG.info("{} {} is entry {} of {}'s audit chain{}", event.type(), event.id(), appended.sequence(), organisationId,
                    appended.appended() ? "" : " (already there)");
        }
    }
}
