package app.domus.delegations;

import app.domus.shared.access.AccessService;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.DelegationItem;
import app.domus.shared.directory.EmailItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.events.Outbox;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.Page;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Delegations of an owner's rights for one unit: PENDING when given, then ACCEPTED or DECLINED by the
 * delegate, and REVOKED by the owner while pending or accepted. What a delegation allows is decided where the
 * right is used, by {@link AccessService#ownerRight}; expiry is checked there and here, never by a job.
 *
 * <p>A delegate without an account is addressed by e-mail: the delegation waits in the index partition of
 * that address, and once they have registered and sign in with it, they find and answer it there. Answering
 * moves it to their user id, which is where the access service looks.
 */
@Singleton
public class DelegationService {
    static final Period LONGEST = Period.ofYears(2);

    private final DomusTable table;
    private final AccessService access;
    private final DelegationQueries queries;
    private final DelegationLoops loops;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public DelegationService(DomusTable table, AccessService access, DelegationQueries queries, DelegationLoops loops,
                             Outbox outbox, Clock clock) {
        this.table = table;
        this.access = access;
        this.queries = queries;
        this.loops = loops;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A delegation as shown to the caller, with the version its ETag names. */
    public record Shown(DelegationView view, long version) {}

    /** Which of the caller's delegations a list shows. */
    public enum Direction { GIVEN, RECEIVED, BOTH }

    /** {@code unit} is one the caller was found allowed to read; only its owners may delegate for it. */
    public Shown create(Caller caller, UnitItem unit, CreateDelegationRequest request) {
        requireOwner(caller, unit);
        Instant now = clock.instant();
        Instant expiresAt = request.expiry();
        if (!expiresAt.isAfter(now)) throw ApiException.validation("expiresAt", "must be in the future");
        if (expiresAt.isAfter(now.atOffset(ZoneOffset.UTC).plus(LONGEST).toInstant())) {
            throw ApiException.validation("expiresAt", "must be at most 2 years ahead");
        }
        String email = request.normalisedEmail();
        String delegateId = table.get(EmailItem.class, EmailItem.pk(email), EmailItem.SK).map(EmailItem::getUserId).orElse(null);
        if (caller.userId().equals(delegateId) || email.equalsIgnoreCase(caller.email())) {
            throw ApiException.validation("delegateEmail", "must be someone other than you");
        }
        Set<String> rights = request.rightNames();
        refuseOverlappingPending(caller.userId(), unit.getId(), delegateId, email, rights, now);
        if (delegateId != null) loops.refuseLoop(unit.getId(), caller.userId(), delegateId, null, now);

        DelegationItem delegation = new DelegationItem();
        delegation.setId(Ids.newId());
        delegation.setPk(DelegationItem.pk(delegation.getId()));
        delegation.setSk(DelegationItem.SK);
        delegation.setGsi1pk(delegateId != null ? DelegationItem.receivedBy(delegateId) : DelegationItem.receivedByEmail(email));
        delegation.setGsi1sk(DelegationItem.forUnit(unit.getId()) + delegation.getId());
        delegation.setGsi2pk(DelegationItem.givenBy(caller.userId()));
        delegation.setGsi2sk(delegation.getId());
        delegation.setOrganisationId(unit.getOrganisationId());
        delegation.setBuildingId(unit.getBuildingId());
        delegation.setUnitId(unit.getId());
        delegation.setOwnerId(caller.userId());
        delegation.setDelegateId(delegateId);
        delegation.setDelegateEmail(email);
        delegation.setRights(rights);
        delegation.setStatus(DelegationItem.PENDING);
        delegation.setExpiresAt(expiresAt.toString());
        delegation.setCreatedAt(now.toString());
        var transaction = TransactWriteItemsEnhancedRequest.builder().addPutItem(table.of(DelegationItem.class), delegation);
        outbox.add(transaction, DelegationEvent.CREATED, unit.getOrganisationId(), delegation.getId(), DelegationEvent.of(delegation));
        table.client().transactWriteItems(transaction.build());
        // The versioned-record extension writes a new item at version 1 but leaves the bean as it was.
        delegation.setVersion(1L);
        return shown(delegation, caller, now);
    }

    /** Its owner and its delegate may read a delegation; to anyone else it does not exist. */
    public Shown get(Caller caller, String delegationId) {
        DelegationItem delegation = load(delegationId);
        if (partyOf(caller, delegation) == Party.NONE) throw notFound();
        return shown(delegation, caller, clock.instant());
    }

    public Shown accept(Caller caller, String delegationId, Optional<Long> ifMatch) {
        DelegationItem delegation = answerable(caller, delegationId, ifMatch, "accept");
        Instant now = clock.instant();
        // Two co-owners delegating to each other at the same moment can both pass the check at creation; then
        // neither delegation can be accepted until one of them is revoked.
        loops.refuseLoop(delegation.getUnitId(), delegation.getOwnerId(), caller.userId(), delegation.getId(), now);
        delegation.setStatus(DelegationItem.ACCEPTED);
        DelegationItem saved = write(delegation, ifMatch, DelegationEvent.ACCEPTED);
        return shown(saved, caller, now);
    }

    public Shown decline(Caller caller, String delegationId, Optional<Long> ifMatch) {
        DelegationItem delegation = answerable(caller, delegationId, ifMatch, "decline");
        delegation.setStatus(DelegationItem.DECLINED);
        DelegationItem saved = write(delegation, ifMatch, DelegationEvent.DECLINED);
        return shown(saved, caller, clock.instant());
    }

    /** The owner withdraws a pending or accepted delegation; from then on it grants nothing. */
    public Shown revoke(Caller caller, String delegationId, Optional<Long> ifMatch) {
        DelegationItem delegation = load(delegationId);
        Party party = partyOf(caller, delegation);
        if (party == Party.NONE) throw notFound();
        if (party != Party.OWNER) throw ApiException.forbidden("Only the owner who gave a delegation may revoke it");
        requireVersion(delegation, ifMatch);
        String status = delegation.getStatus();
        if (!DelegationItem.PENDING.equals(status) && !DelegationItem.ACCEPTED.equals(status)) {
            throw new ApiException(ProblemType.INVALID_STATE, "The delegation is " + status.toLowerCase(Locale.ROOT)
                    + "; only a pending or accepted one can be revoked");
        }
        delegation.setStatus(DelegationItem.REVOKED);
        DelegationItem saved = write(delegation, ifMatch, DelegationEvent.REVOKED);
        return shown(saved, caller, clock.instant());
    }

    /**
     * One page of the delegations the caller gave, received, or both (given first). Received ones include
     * those still addressed to the caller's e-mail from before they had an account.
     */
    public Page<DelegationView> list(Caller caller, Direction direction, int limit, String cursor) {
        Instant now = clock.instant();
        List<Source> sources = sources(caller, direction);
        int start = 0;
        String after = null;
        if (cursor != null) {
            ListCursor position = ListCursor.decode(cursor);
            start = sources.stream().map(Source::part).toList().indexOf(position.part());
            if (start < 0) throw ListCursor.invalid();
            after = position.after();
        }
        List<DelegationView> items = new ArrayList<>();
        for (int i = start; i < sources.size(); i++) {
            Source source = sources.get(i);
            Page<DelegationItem> page = table.indexPage(DelegationItem.class, source.index(), source.partition(), null,
                    limit - items.size(), i == start ? after : null);
            page.items().forEach(d -> items.add(DelegationView.of(d, caller.userId(), now)));
            if (page.nextCursor() != null) return new Page<>(items, new ListCursor(source.part(), page.nextCursor()).encode());
            if (items.size() == limit && i + 1 < sources.size()) {
                return new Page<>(items, new ListCursor(sources.get(i + 1).part(), null).encode());
            }
        }
        return new Page<>(items, null);
    }

    /** An index partition a list reads, named in the cursor by {@code part}. */
    private record Source(String part, String index, String partition) {}

    private List<Source> sources(Caller caller, Direction direction) {
        List<Source> sources = new ArrayList<>();
        if (direction != Direction.RECEIVED) {
            sources.add(new Source("given", TableItem.GSI2, DelegationItem.givenBy(caller.userId())));
        }
        if (direction != Direction.GIVEN) {
            sources.add(new Source("received", TableItem.GSI1, DelegationItem.receivedBy(caller.userId())));
            verifiedEmail(caller).ifPresent(email ->
                    sources.add(new Source("received-by-email", TableItem.GSI1, DelegationItem.receivedByEmail(email))));
        }
        return sources;
    }

    /**
     * The delegation the caller, as its delegate, may now accept or decline: still pending and not expired.
     * Answering claims one addressed to the caller's e-mail for their user id.
     */
    private DelegationItem answerable(Caller caller, String delegationId, Optional<Long> ifMatch, String verb) {
        DelegationItem delegation = load(delegationId);
        Party party = partyOf(caller, delegation);
        if (party == Party.NONE) throw notFound();
        if (party == Party.OWNER) throw ApiException.forbidden("Only the person it was given to may " + verb + " a delegation");
        requireVersion(delegation, ifMatch);
        if (!DelegationItem.PENDING.equals(delegation.getStatus())) {
            throw new ApiException(ProblemType.INVALID_STATE, "The delegation is "
                    + delegation.getStatus().toLowerCase(Locale.ROOT) + "; only a pending one can be answered");
        }
        if (!DelegationQueries.live(delegation, clock.instant())) {
            throw new ApiException(ProblemType.INVALID_STATE, "The delegation has expired; ask the owner for a new one");
        }
        delegation.setDelegateId(caller.userId());
        delegation.setGsi1pk(DelegationItem.receivedBy(caller.userId()));
        return delegation;
    }

    private enum Party { OWNER, DELEGATE, NONE }

    private Party partyOf(Caller caller, DelegationItem delegation) {
        if (caller.userId().equals(delegation.getOwnerId())) return Party.OWNER;
        if (caller.userId().equals(delegation.getDelegateId())) return Party.DELEGATE;
        if (delegation.getDelegateId() == null
                && verifiedEmail(caller).filter(delegation.getDelegateEmail()::equals).isPresent()) {
            return Party.DELEGATE;
        }
        return Party.NONE;
    }

    /**
     * The caller's e-mail address, if the account still holds it. The token's claim says what the account had
     * at sign-in; the address's claim item says who holds it now, so a stale token cannot pick up delegations
     * addressed to an address its account no longer has.
     */
    private Optional<String> verifiedEmail(Caller caller) {
        if (caller.email() == null || caller.email().isBlank() || caller.email().length() > 254) return Optional.empty();
        String email = caller.email().strip().toLowerCase(Locale.ROOT);
        return table.get(EmailItem.class, EmailItem.pk(email), EmailItem.SK)
                .filter(claim -> caller.userId().equals(claim.getUserId()))
                .map(claim -> email);
    }

    /** Only owners delegate, and only their own rights: a delegate cannot pass on what they hold for someone else. */
    private void requireOwner(Caller caller, UnitItem unit) {
        boolean owner = access.memberships(caller.userId(), unit.getOrganisationId()).stream()
                .anyMatch(m -> m.roleValue() == Role.OWNER && unit.getId().equals(m.getUnitId()));
        if (!owner) throw ApiException.forbidden("Only an owner of this unit may delegate rights for it");
    }

    /**
     * Refuses a second pending delegation from this owner to this person for the unit that repeats any of the
     * rights: the delegate would be asked twice for the same thing. The delegate may be found under their user
     * id or, for delegations given before they registered, under their address. Delegations from co-owners are
     * not compared: each owner hands over their own share of the unit's rights.
     */
    private void refuseOverlappingPending(String ownerId, String unitId, String delegateId, String email, Set<String> rights,
                                          Instant now) {
        List<DelegationItem> existing = new ArrayList<>(queries.receivedFor(DelegationItem.receivedByEmail(email), unitId));
        if (delegateId != null) existing.addAll(queries.receivedFor(DelegationItem.receivedBy(delegateId), unitId));
        for (DelegationItem d : existing) {
            boolean overlaps = d.getRights().stream().anyMatch(rights::contains);
            if (ownerId.equals(d.getOwnerId()) && DelegationItem.PENDING.equals(d.getStatus())
                    && DelegationQueries.live(d, now) && overlaps) {
                throw new ApiException(ProblemType.CONFLICT, "A pending delegation to this person for this unit already "
                        + "covers some of these rights; revoke it or wait for their answer",
                        List.of(), null, Map.of("delegationId", d.getId()));
            }
        }
    }

    private DelegationItem load(String delegationId) {
        return table.get(DelegationItem.class, DelegationItem.pk(delegationId), DelegationItem.SK).orElseThrow(DelegationService::notFound);
    }

    private static void requireVersion(DelegationItem delegation, Optional<Long> ifMatch) {
        if (ifMatch.isPresent() && !ifMatch.get().equals(delegation.getVersion())) throw stale();
    }

    /**
     * Writes the change on the version that was read. With {@code If-Match} a concurrent change is reported as
     * the caller's stale read (412); without it, as a conflict (409): either way exactly one of two racing
     * answers (say an accept and a revoke) wins.
     */
    /** Writes the changed delegation, conditional on the version it was read at, with the event of the change. */
    private DelegationItem write(DelegationItem delegation, Optional<Long> ifMatch, String eventType) {
        long readVersion = delegation.getVersion();
        var transaction = TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table.of(DelegationItem.class), delegation);
        outbox.add(transaction, eventType, delegation.getOrganisationId(), delegation.getId(), DelegationEvent.of(delegation));
        try {
            table.client().transactWriteItems(transaction.build());
            delegation.setVersion(readVersion + 1);
            return delegation;
        } catch (TransactionCanceledException e) {
            if (ifMatch.isPresent()) throw stale();
            throw ApiException.conflict("The delegation was changed by someone else at the same time; read it again");
        }
    }

    private static Shown shown(DelegationItem delegation, Caller caller, Instant now) {
        return new Shown(DelegationView.of(delegation, caller.userId(), now), delegation.getVersion());
    }

    private static ApiException notFound() {
        return ApiException.notFound("The delegation");
    }

    private static ApiException stale() {
        return new ApiException(ProblemType.PRECONDITION_FAILED, "The delegation has changed since you read it; read it again");
    }
}
