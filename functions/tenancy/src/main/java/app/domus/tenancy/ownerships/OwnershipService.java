package app.domus.tenancy.ownerships;

import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.OwnershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.directory.UserItem;
import app.domus.shared.events.Outbox;
import app.domus.shared.http.ApiException;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.Page;
import app.domus.shared.persistence.TableItem;
import app.domus.tenancy.Transactions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Records who owns which share of a building, keeping the building's shares at most one in total. */
@Singleton
public class OwnershipService {
    /** Attempts before a write that keeps losing races to concurrent ownership changes gives up with 409. */
    private static final int ATTEMPTS = 3;

    private final DomusTable table;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public OwnershipService(DomusTable table, Outbox outbox, Clock clock) {
        this.table = table;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Event payload of {@code OwnershipRecorded}. */
    public record OwnershipRecorded(String organisationId, String buildingId, String unitId, String ownerId, String share) {}

    /** What recording an ownership produced: the ownership and the building's new total. */
    public record Recorded(OwnershipItem ownership, Share buildingTotal) {}

    /** A page of a building's ownerships and the total of all of them (not only this page's). */
    public record Listing(Page<OwnershipItem> page, Share total) {}

    /**
     * Records the owner's share of the unit's building and makes the owner a member (OWNER of this unit)
     * if they are not one yet. Ledger, ownership and membership are written in one transaction.
     */
    public Recorded record(UnitItem unit, RecordOwnershipRequest request) {
        if (table.get(UserItem.class, UserItem.pk(request.ownerId()), UserItem.SK).isEmpty()) {
            throw ApiException.validation("ownerId", "does not name a registered user");
        }
        Share share = request.parsedShare();
        for (int attempt = 1; ; attempt++) {
            String now = clock.instant().toString();
            OwnershipLedgerItem ledger = consistentGet(OwnershipLedgerItem.class, BuildingItem.pk(unit.getBuildingId()),
                    OwnershipLedgerItem.SK).orElseGet(() -> newLedger(unit.getBuildingId()));
            if (consistentGet(OwnershipItem.class, UnitItem.pk(unit.getId()), OwnershipItem.sk(request.ownerId())).isPresent()) {
                throw alreadyRecorded();
            }
            Share current = Share.parse(ledger.getTotal()).orElseThrow();
            Share total = current.plus(share);
            if (total.exceedsWhole()) {
                throw ApiException.conflict("The building's shares would add up to " + total + ", more than 1; "
                        + current + " is already recorded");
            }
            ledger.setTotal(total.toString());
            OwnershipItem ownership = ownership(unit, request.ownerId(), share, now);
            MembershipItem membership = MembershipItem.of(request.ownerId(), unit.getOrganisationId(), Role.OWNER,
                    unit.getBuildingId(), unit.getId(), now);
            var transaction = TransactWriteItemsEnhancedRequest.builder()
                    .addPutItem(table.of(OwnershipLedgerItem.class), ledger)
                    .addPutItem(table.of(OwnershipItem.class), ownership);
            if (consistentGet(MembershipItem.class, membership.getPk(), membership.getSk()).isEmpty()) {
                transaction.addPutItem(table.of(MembershipItem.class), membership);
            }
            outbox.add(transaction, "OwnershipRecorded", unit.getOrganisationId(), unit.getId(), new OwnershipRecorded(
                    unit.getOrganisationId(), unit.getBuildingId(), unit.getId(), request.ownerId(), share.toString()));
            try {
                table.client().transactWriteItems(transaction.build());
            } catch (TransactionCanceledException e) {
                if (Transactions.conditionFailed(e, 1)) throw alreadyRecorded();
                // The ledger or the membership moved under us (or another transaction held them): read again.
                if (attempt < ATTEMPTS) continue;
                throw ApiException.conflict("The building's ownerships are being changed by someone else; retry");
            }
            return new Recorded(ownership, total);
        }
    }

    public Listing list(BuildingItem building, int limit, String cursor) {
        Page<OwnershipItem> page = table.indexPage(OwnershipItem.class, TableItem.GSI2,
                OwnershipItem.byBuilding(building.getId()), null, limit, cursor);
        Share total = table.get(OwnershipLedgerItem.class, BuildingItem.pk(building.getId()), OwnershipLedgerItem.SK)
                .flatMap(ledger -> Share.parse(ledger.getTotal())).orElse(Share.NONE);
        return new Listing(page, total);
    }

    private static OwnershipItem ownership(UnitItem unit, String ownerId, Share share, String now) {
        OwnershipItem item = new OwnershipItem();
        item.setPk(UnitItem.pk(unit.getId()));
        item.setSk(OwnershipItem.sk(ownerId));
        item.setGsi1pk(OwnershipItem.byOwner(ownerId));
        item.setGsi1sk(unit.getId());
        item.setGsi2pk(OwnershipItem.byBuilding(unit.getBuildingId()));
        item.setGsi2sk(unit.getId() + "#" + ownerId);
        item.setOrganisationId(unit.getOrganisationId());
        item.setBuildingId(unit.getBuildingId());
        item.setUnitId(unit.getId());
        item.setOwnerId(ownerId);
        item.setShareNumerator(share.numerator().longValueExact());
        item.setShareDenominator(share.denominator().longValueExact());
        item.setCreatedAt(now);
        return item;
    }

    private static OwnershipLedgerItem newLedger(String buildingId) {
        OwnershipLedgerItem ledger = new OwnershipLedgerItem();
        ledger.setPk(BuildingItem.pk(buildingId));
        ledger.setSk(OwnershipLedgerItem.SK);
        ledger.setTotal(Share.NONE.toString());
        return ledger;
    }

    private <T extends TableItem> Optional<T> consistentGet(Class<T> type, String pk, String sk) {
        return Optional.ofNullable(table.of(type).getItem(r -> r
                .key(Key.builder().partitionValue(pk).sortValue(sk).build()).consistentRead(true)));
    }

    private static ApiException alreadyRecorded() {
        return ApiException.conflict("This owner's share of the unit is already recorded");
    }
}
