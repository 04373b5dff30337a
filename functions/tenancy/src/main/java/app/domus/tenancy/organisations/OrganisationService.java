package app.domus.tenancy.organisations;

import app.domus.shared.auth.Caller;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.OrganisationItem;
import app.domus.shared.directory.Role;
import app.domus.shared.events.Outbox;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/** Creates organisations. */
@Singleton
public class OrganisationService {
    private final DomusTable table;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public OrganisationService(DomusTable table, Outbox outbox, Clock clock) {
        this.table = table;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Event payload of {@code OrganisationCreated}. */
    public record OrganisationCreated(String organisationId, String createdBy) {}

    /**
     * Creates the organisation with its creator as organisation admin. Both are written in one transaction:
     * an organisation nobody administers could never be managed or deleted.
     */
    public OrganisationItem create(Caller caller, CreateOrganisationRequest request) {
        String now = clock.instant().toString();
        OrganisationItem org = OrganisationItem.of(Ids.newId(), request.name().strip(), caller.userId(), now);
        MembershipItem admin = MembershipItem.of(caller.userId(), org.getId(), Role.ORG_ADMIN, null, null, now);
        var transaction = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(table.of(OrganisationItem.class), org)
                .addPutItem(table.of(MembershipItem.class), admin);
        outbox.add(transaction, "OrganisationCreated", org.getId(), org.getId(), new OrganisationCreated(org.getId(), caller.userId()));
        table.client().transactWriteItems(transaction.build());
        return org;
    }
}
