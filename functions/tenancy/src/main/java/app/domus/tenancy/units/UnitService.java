package app.domus.tenancy.units;

import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.events.Outbox;
import app.domus.shared.http.ApiException;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.Page;
import app.domus.shared.persistence.TableItem;
import app.domus.tenancy.Transactions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Creates and lists a building's units. */
@Singleton
public class UnitService {
    private final DomusTable table;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public UnitService(DomusTable table, Outbox outbox, Clock clock) {
        this.table = table;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Event payload of {@code UnitCreated}. */
    public record UnitCreated(String organisationId, String buildingId, String unitId) {}

    /** Creates the unit; its number must be free in the building (409 otherwise). */
    public UnitItem create(BuildingItem building, CreateUnitRequest request) {
        UnitItem unit = UnitItem.of(Ids.newId(), building, request.number(), clock.instant().toString());
        unit.setFloor(request.floor());
        unit.setAreaSquareMetres(request.areaSquareMetres());
        UnitNumberItem claim = new UnitNumberItem();
        claim.setPk(BuildingItem.pk(building.getId()));
        claim.setSk(UnitNumberItem.sk(request.number()));
        claim.setUnitId(unit.getId());
        try {
            var transaction = TransactWriteItemsEnhancedRequest.builder()
                    .addPutItem(table.of(UnitItem.class), unit)
                    .addPutItem(table.of(UnitNumberItem.class), claim);
            outbox.add(transaction, "UnitCreated", unit.getOrganisationId(), unit.getId(),
                    new UnitCreated(unit.getOrganisationId(), unit.getBuildingId(), unit.getId()));
            table.client().transactWriteItems(transaction.build());
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 1)) {
                throw ApiException.conflict("The building already has a unit numbered " + unit.getNumber());
            }
            throw e;
        }
        return unit;
    }

    /** One page of the building's units, ordered by unit number. */
    public Page<UnitItem> list(BuildingItem building, int limit, String cursor) {
        return table.indexPage(UnitItem.class, TableItem.GSI1, UnitItem.byBuilding(building.getId()), null, limit, cursor);
    }
}
