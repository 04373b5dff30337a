package app.domus.tenancy.invitations;

import app.domus.shared.directory.InvitationItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.events.Outbox;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.Page;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Issues and lists invitation codes; the identity module redeems them on registration. */
@Singleton
public class InvitationService {
    /** Roles a building's manager may invite to their building. */
    static final Set<Role> MANAGER_INVITES = EnumSet.of(Role.TECHNICIAN, Role.OWNER, Role.TENANT);
    /** Kept this long past expiry so that a late redeemer hears "expired" rather than "no such code". */
    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(30);
    /** 60 random bits per code make a collision rare; a few retries make it irrelevant. */
    private static final int CODE_ATTEMPTS = 5;

    private final DomusTable table;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public InvitationService(DomusTable table, Outbox outbox, Clock clock) {
        this.table = table;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What the invitation grants: a role at a scope the caller was found allowed to invite to. */
    public record Grant(String organisationId, Role role, String buildingId, String unitId) {}

    /** Event payload of {@code InvitationCreated}; carries the code so that a notifier can send it to {@code email}. */
    public record InvitationCreated(String organisationId, String code, String role, String buildingId, String unitId,
                                    String email, String expiresAt, String createdBy) {}

    public InvitationView create(String createdBy, Grant grant, String email, int days) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(Duration.ofDays(days));
        InvitationItem invitation = new InvitationItem();
        invitation.setSk(InvitationItem.SK);
        invitation.setGsi1pk(InvitationItem.byOrganisation(grant.organisationId()));
        invitation.setOrganisationId(grant.organisationId());
        invitation.setRole(grant.role().name());
        invitation.setBuildingId(grant.buildingId());
        invitation.setUnitId(grant.unitId());
        invitation.setEmail(email);
        invitation.setStatus(InvitationItem.OPEN);
        invitation.setExpiresAt(expiresAt.toString());
        invitation.setTtl(expiresAt.plus(KEPT_AFTER_EXPIRY).getEpochSecond());
        invitation.setCreatedBy(createdBy);
        invitation.setCreatedAt(now.toString());
        for (int attempt = 1; ; attempt++) {
            String code = Ids.humanCode(3);
            invitation.setCode(code);
            invitation.setPk(InvitationItem.pk(code));
            invitation.setGsi1sk(now + "#" + code);
            var transaction = TransactWriteItemsEnhancedRequest.builder().addPutItem(table.of(InvitationItem.class), invitation);
            outbox.add(transaction, "InvitationCreated", grant.organisationId(), code, new InvitationCreated(grant.organisationId(),
                    code, grant.role().wire(), grant.buildingId(), grant.unitId(), email, invitation.getExpiresAt(), createdBy));
            try {
                // A new item's put requires that no item has the key: an existing code is never overwritten.
                table.client().transactWriteItems(transaction.build());
                break;
            } catch (TransactionCanceledException e) {
                if (attempt == CODE_ATTEMPTS) throw e;
            }
        }
        return InvitationView.of(invitation, now);
    }

    /**
     * One page of the organisation's invitations, newest last, as far as these memberships (the caller's)
     * may see them: admins see all; a manager only those they could have issued, for their own buildings.
     * A manager must not read an admin's or another building's codes, since a code is a key to that role.
     * The filter applies after paging, so a manager's page can hold fewer than {@code limit} invitations.
     */
    public Page<InvitationView> list(String organisationId, List<MembershipItem> memberships, int limit, String cursor) {
        Instant now = clock.instant();
        Page<InvitationItem> page = table.indexPage(InvitationItem.class, TableItem.GSI1,
                InvitationItem.byOrganisation(organisationId), null, limit, cursor);
        boolean admin = memberships.stream().anyMatch(m -> m.roleValue() == Role.ORG_ADMIN);
        Set<String> managed = memberships.stream().filter(m -> m.roleValue() == Role.MANAGER)
                .map(MembershipItem::getBuildingId).collect(Collectors.toSet());
        List<InvitationView> visible = page.items().stream()
                .filter(i -> admin || (MANAGER_INVITES.contains(Role.valueOf(i.getRole())) && managed.contains(i.getBuildingId())))
                .map(i -> InvitationView.of(i, now))
                .toList();
        return new Page<>(visible, page.nextCursor());
    }
}
