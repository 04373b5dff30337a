package app.domus.meters.registry;

import app.domus.meters.MeterAccess;
import app.domus.meters.MeterType;
import app.domus.meters.readings.ReadingItem;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The meter registry: managers install meters, replace them (the new one starts from a reading) and retire them. */
@Singleton
public class MeterService {
    private final DomusTable table;
    private final MeterAccess access;
    private final Clock clock;

    @Inject
    public MeterService(DomusTable table, MeterAccess access, Clock clock) {
        this.table = table;
        this.access = access;
        this.clock = clock;
    }

    public MeterItem create(Caller caller, MeterRequests.CreateMeter request) {
        String buildingId = request.buildingId();
        String organisationId;
        if (request.unitId() != null) {
            UnitItem unit = table.get(UnitItem.class, UnitItem.pk(request.unitId()), "PROFILE").orElseThrow(() -> ApiException.notFound("The unit"));
            buildingId = unit.getBuildingId();
            access.check(caller, buildingId, unit.getId(), MeterAccess.Need.MANAGE);
            organisationId = unit.getOrganisationId();
        } else {
            organisationId = access.managedBuilding(caller, buildingId).getOrganisationId();
        }
        MeterType type = request.meterType();
        MeterItem meter = new MeterItem();
        meter.setId(Ids.newId());
        meter.setOrganisationId(organisationId);
        meter.setBuildingId(buildingId);
        meter.setUnitId(request.unitId());
        meter.setType(type.name());
        meter.setUnitOfMeasure(type.unitOfMeasure());
        meter.setSerialNumber(request.serialNumber().strip());
        meter.setMultiplier(plain(request.multiplier(), BigDecimal.ONE));
        meter.setInstalledOn(request.installedOn() != null ? request.installedOn() : today());
        meter.setStartReading(plain(request.startReading(), BigDecimal.ZERO));
        meter.setOcrTolerance(request.ocrTolerance() == null ? null : request.ocrTolerance().toPlainString());
        meter.setStatus(MeterItem.ACTIVE);
        meter.setCreatedAt(clock.instant().toString());
        table.of(MeterItem.class).putItem(meter.keyed());
        meter.setVersion(1L);
        return meter;
    }

    public MeterItem get(Caller caller, String meterId) {
        return access.meter(caller, meterId, MeterAccess.Need.READ);
    }

    /** A unit's meters, active and retired, for whoever may read the unit. */
    public List<MeterItem> ofUnit(Caller caller, String unitId) {
        UnitItem unit = table.get(UnitItem.class, UnitItem.pk(unitId), "PROFILE").orElseThrow(() -> ApiException.notFound("The unit"));
        access.check(caller, unit.getBuildingId(), unitId, MeterAccess.Need.READ);
        return table.indexPage(MeterItem.class, TableItem.GSI1, MeterItem.ofBuilding(unit.getBuildingId()),
                MeterItem.placePrefix(unitId), 100, null).items();
    }

    /** Every meter of a building (units' and common), for its managers. */
    public List<MeterItem> ofBuilding(Caller caller, String buildingId) {
        access.managedBuilding(caller, buildingId);
        return ofBuilding(buildingId);
    }

    public List<MeterItem> ofBuilding(String buildingId) {
        return table.allInIndex(MeterItem.class, TableItem.GSI1, MeterItem.ofBuilding(buildingId));
    }

    /**
     * Replaces an active meter: the old one is retired on {@code replacedOn} (with its final reading, when given, stored
     * as its last reading), the new one installed that day, starting from {@code startReading}; one transaction.
     */
    public MeterItem replace(Caller caller, String meterId, MeterRequests.ReplaceMeter request) {
        MeterItem old = access.meter(caller, meterId, MeterAccess.Need.MANAGE);
        requireActive(old);
        LocalDate on = LocalDate.parse(request.replacedOn());
        if (on.isBefore(LocalDate.parse(old.getInstalledOn()))) throw ApiException.validation("replacedOn", "must not be before the meter was installed");
        MeterItem next = new MeterItem();
        next.setId(Ids.newId());
        next.setOrganisationId(old.getOrganisationId());
        next.setBuildingId(old.getBuildingId());
        next.setUnitId(old.getUnitId());
        next.setType(old.getType());
        next.setUnitOfMeasure(old.getUnitOfMeasure());
        next.setSerialNumber(request.serialNumber().strip());
        next.setMultiplier(request.multiplier() != null ? request.multiplier().toPlainString() : old.getMultiplier());
        next.setInstalledOn(request.replacedOn());
        next.setStartReading(plain(request.startReading(), BigDecimal.ZERO));
        next.setOcrTolerance(old.getOcrTolerance());
        next.setReplacesMeterId(old.getId());
        next.setStatus(MeterItem.ACTIVE);
        next.setCreatedAt(clock.instant().toString());
        next.keyed();
        old.setStatus(MeterItem.RETIRED);
        old.setRemovedOn(request.replacedOn());
        old.setReplacedByMeterId(next.getId());
        var transaction = TransactWriteItemsEnhancedRequest.builder()
                .addUpdateItem(table.of(MeterItem.class), old)
                .addPutItem(table.of(MeterItem.class), next);
        if (request.finalReading() != null) transaction.addPutItem(table.of(ReadingItem.class), finalReading(caller, old, on, request.finalReading()));
        commit(transaction);
        next.setVersion(1L);
        return next;
    }

    public MeterItem retire(Caller caller, String meterId, MeterRequests.RetireMeter request) {
        MeterItem meter = access.meter(caller, meterId, MeterAccess.Need.MANAGE);
        requireActive(meter);
        LocalDate on = LocalDate.parse(request.removedOn());
        if (on.isBefore(LocalDate.parse(meter.getInstalledOn()))) throw ApiException.validation("removedOn", "must not be before the meter was installed");
        meter.setStatus(MeterItem.RETIRED);
        meter.setRemovedOn(request.removedOn());
        var transaction = TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table.of(MeterItem.class), meter);
        if (request.finalReading() != null) transaction.addPutItem(table.of(ReadingItem.class), finalReading(caller, meter, on, request.finalReading()));
        commit(transaction);
        meter.setVersion(meter.getVersion() + 1);
        return meter;
    }

    private ReadingItem finalReading(Caller caller, MeterItem meter, LocalDate on, BigDecimal value) {
        long at = on.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        ReadingItem reading = new ReadingItem();
        reading.setPk(ReadingItem.pk(meter.getId()));
        reading.setSk(ReadingItem.sk(at));
        reading.setId(ReadingItem.id(meter.getId(), at));
        reading.setMeterId(meter.getId());
        reading.setOrganisationId(meter.getOrganisationId());
        reading.setBuildingId(meter.getBuildingId());
        reading.setUnitId(meter.getUnitId());
        reading.setReadAt(java.time.Instant.ofEpochMilli(at).toString());
        reading.setValue(value.toPlainString());
        reading.setSource(ReadingItem.MANUAL);
        reading.setSubmittedBy(caller.userId());
        reading.setStatus(ReadingItem.ACCEPTED);
        reading.setReceivedAt(clock.instant().toString());
        return reading;
    }

    private void commit(TransactWriteItemsEnhancedRequest.Builder transaction) {
        try {
            table.client().transactWriteItems(transaction.build());
        } catch (TransactionCanceledException e) {
            throw ApiException.conflict("The meter changed meanwhile, or a reading is already stored at that time; reload and try again");
        }
    }

    private static void requireActive(MeterItem meter) {
        if (!meter.isActive()) throw ApiException.conflict("The meter is retired");
    }

    private String today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
    }

    private static String plain(BigDecimal value, BigDecimal fallback) {
        return (value != null ? value : fallback).toPlainString();
    }
}
