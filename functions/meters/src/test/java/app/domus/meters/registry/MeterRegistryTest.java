package app.domus.meters.registry;

import static app.domus.shared.testing.Refusals.errors;
import static app.domus.shared.testing.Refusals.field;
import static app.domus.shared.testing.Refusals.status;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.meters.MetersFixture;
import app.domus.meters.readings.ReadingItem;
import app.domus.shared.testing.DirectoryWorld;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The meter registry without HTTP: installing, replacing and retiring meters, and who may see or do which. */
class MeterRegistryTest {
    private final MetersFixture f = new MetersFixture();

    private MeterItem unitMeter(String who, String unitId, String type, BigDecimal multiplier, String installedOn, BigDecimal start) {
        return f.meters.create(DirectoryWorld.caller(who), new MeterRequests.CreateMeter(unitId, null, type, " SN-" + type + " ", multiplier,
                installedOn, start, null));
    }

    private MeterItem stored(String meterId) {
        return f.table.get(MeterItem.class, MeterItem.pk(meterId), MeterItem.SK).orElseThrow();
    }

    @Test
    void aUnitMeterIsStoredWithTheUnitsBuildingAndOrganisationItsUnitOfMeasureAndItsDefaults() {
        MeterItem meter = unitMeter(f.manager, f.unit1.getId(), "cold_water", null, null, null);
        MeterItem stored = stored(meter.getId());
        assertThat(stored.getBuildingId()).isEqualTo(f.building.getId());
        assertThat(stored.getOrganisationId()).isEqualTo(f.org);
        assertThat(stored.getUnitId()).isEqualTo(f.unit1.getId());
        assertThat(stored.getType()).isEqualTo("COLD_WATER");
        assertThat(stored.getUnitOfMeasure()).isEqualTo(app.domus.meters.MeterType.COLD_WATER.unitOfMeasure());
        assertThat(stored.getSerialNumber()).isEqualTo("SN-cold_water");
        assertThat(stored.getMultiplier()).isEqualTo("1");
        assertThat(stored.getStartReading()).isEqualTo("0");
        assertThat(stored.getInstalledOn()).isEqualTo("2026-03-02");
        assertThat(stored.getOcrTolerance()).isNull();
        assertThat(stored.isActive()).isTrue();
        assertThat(stored.getCreatedAt()).isEqualTo(DirectoryWorld.START.toString());
        assertThat(meter.getVersion()).isEqualTo(1L);
    }

    @Test
    void givenValuesAreKeptExactlyAsDecimals() {
        MeterItem meter = f.meters.create(DirectoryWorld.caller(f.manager), new MeterRequests.CreateMeter(f.unit1.getId(), null,
                "electricity", "E-1", new BigDecimal("2.50"), "2026-01-15", new BigDecimal("1234.125"), new BigDecimal("0.5")));
        MeterItem stored = stored(meter.getId());
        assertThat(stored.getMultiplier()).isEqualTo("2.50");
        assertThat(stored.getStartReading()).isEqualTo("1234.125");
        assertThat(stored.getOcrTolerance()).isEqualTo("0.5");
        assertThat(stored.getInstalledOn()).isEqualTo("2026-01-15");
    }

    @Test
    void aCommonMeterBelongsToTheBuildingAndOnlyItsManagersInstallOne() {
        MeterItem common = f.meters.create(DirectoryWorld.caller(f.manager), new MeterRequests.CreateMeter(null, f.building.getId(),
                "heat", "H-1", null, null, null, null));
        assertThat(stored(common.getId()).getUnitId()).isNull();
        assertThat(stored(common.getId()).getOrganisationId()).isEqualTo(f.org);
        assertThat(status(() -> f.meters.create(DirectoryWorld.caller(f.owner), new MeterRequests.CreateMeter(null, f.building.getId(),
                "heat", "H-2", null, null, null, null)))).isEqualTo(403);
        assertThat(status(() -> f.meters.create(DirectoryWorld.caller(f.outsider), new MeterRequests.CreateMeter(null, f.building.getId(),
                "heat", "H-3", null, null, null, null)))).isEqualTo(404);
        assertThat(f.meters.ofBuilding(f.building.getId())).extracting(MeterItem::getId).containsExactly(common.getId());
    }

    @Test
    void aUnitsResidentsCannotInstallAMeterAndAnUnknownUnitIsNotFound() {
        assertThat(status(() -> unitMeter(f.owner, f.unit1.getId(), "gas", null, null, null))).isEqualTo(403);
        assertThat(status(() -> unitMeter(f.tenant, f.unit1.getId(), "gas", null, null, null))).isEqualTo(403);
        assertThat(status(() -> unitMeter(f.outsider, f.unit1.getId(), "gas", null, null, null))).isEqualTo(404);
        assertThat(status(() -> unitMeter(f.manager, "01JNOSUCHUNIT0000000000000", "gas", null, null, null))).isEqualTo(404);
        assertThat(f.meters.ofBuilding(f.building.getId())).isEmpty();
    }

    @Test
    void aUnitListsItsOwnMetersOnlyAndTheBuildingListsEveryOneForItsManagers() {
        MeterItem a = unitMeter(f.manager, f.unit1.getId(), "electricity", null, null, null);
        MeterItem b = unitMeter(f.manager, f.unit2.getId(), "electricity", null, null, null);
        MeterItem common = f.meters.create(DirectoryWorld.caller(f.manager), new MeterRequests.CreateMeter(null, f.building.getId(),
                "heat", "H-1", null, null, null, null));
        assertThat(f.meters.ofUnit(DirectoryWorld.caller(f.tenant), f.unit1.getId())).extracting(MeterItem::getId).containsExactly(a.getId());
        assertThat(f.meters.ofUnit(DirectoryWorld.caller(f.otherOwner), f.unit2.getId())).extracting(MeterItem::getId).containsExactly(b.getId());
        assertThat(status(() -> f.meters.ofUnit(DirectoryWorld.caller(f.otherOwner), f.unit1.getId()))).isIn(403, 404);
        assertThat(status(() -> f.meters.ofUnit(DirectoryWorld.caller(f.manager), "01JNOSUCHUNIT0000000000000"))).isEqualTo(404);
        assertThat(f.meters.ofBuilding(DirectoryWorld.caller(f.manager), f.building.getId())).extracting(MeterItem::getId)
                .containsExactlyInAnyOrder(a.getId(), b.getId(), common.getId());
        assertThat(status(() -> f.meters.ofBuilding(DirectoryWorld.caller(f.owner), f.building.getId()))).isEqualTo(403);
        assertThat(status(() -> f.meters.ofBuilding(DirectoryWorld.caller(f.outsider), f.building.getId()))).isEqualTo(404);
    }

    @Test
    void aMeterIsReadByTheUnitsPeopleAndStaffNotByAnotherUnitsOwnerOrAnOutsider() {
        MeterItem meter = unitMeter(f.manager, f.unit1.getId(), "electricity", null, null, null);
        for (String reader : List.of(f.manager, f.owner, f.tenant, f.technician)) {
            assertThat(f.meters.get(DirectoryWorld.caller(reader), meter.getId()).getId()).as(reader).isEqualTo(meter.getId());
        }
        assertThat(status(() -> f.meters.get(DirectoryWorld.caller(f.otherOwner), meter.getId()))).isIn(403, 404);
        assertThat(status(() -> f.meters.get(DirectoryWorld.caller(f.outsider), meter.getId()))).isEqualTo(404);
        assertThat(status(() -> f.meters.get(DirectoryWorld.caller(f.manager), "01JNOSUCHMETER000000000000"))).isEqualTo(404);
    }

    @Test
    void submittingIsForTheUnitsOwnersTenantsAndManagersAndACommonMetersOnlyForManagers() {
        MeterItem meter = unitMeter(f.manager, f.unit1.getId(), "electricity", null, null, null);
        MeterItem common = f.meters.create(DirectoryWorld.caller(f.manager), new MeterRequests.CreateMeter(null, f.building.getId(),
                "heat", "H-1", null, null, null, null));
        var submit = app.domus.meters.MeterAccess.Need.SUBMIT;
        for (String may : List.of(f.manager, f.owner, f.tenant)) {
            assertThat(f.meterAccess.meter(DirectoryWorld.caller(may), meter.getId(), submit).getId()).isEqualTo(meter.getId());
        }
        assertThat(status(() -> f.meterAccess.meter(DirectoryWorld.caller(f.technician), meter.getId(), submit))).isEqualTo(403);
        assertThat(status(() -> f.meterAccess.meter(DirectoryWorld.caller(f.otherOwner), meter.getId(), submit))).isIn(403, 404);
        assertThat(f.meterAccess.meter(DirectoryWorld.caller(f.manager), common.getId(), submit).getId()).isEqualTo(common.getId());
        assertThat(f.meterAccess.meter(DirectoryWorld.caller(f.owner), common.getId(), app.domus.meters.MeterAccess.Need.READ).getId())
                .isEqualTo(common.getId());
        assertThat(status(() -> f.meterAccess.meter(DirectoryWorld.caller(f.owner), common.getId(), submit))).isEqualTo(403);
        assertThat(status(() -> f.meterAccess.meter(DirectoryWorld.caller(f.outsider), common.getId(), app.domus.meters.MeterAccess.Need.READ)))
                .isEqualTo(404);
    }

    @Test
    void aReplacementRetiresTheOldMeterStoresItsFinalReadingAndStartsTheNewOneInOneWrite() {
        MeterItem old = f.meters.create(DirectoryWorld.caller(f.manager), new MeterRequests.CreateMeter(f.unit1.getId(), null,
                "electricity", "OLD-1", new BigDecimal("2"), "2026-01-01", BigDecimal.ZERO, new BigDecimal("0.3")));
        MeterItem next = f.meters.replace(DirectoryWorld.caller(f.manager), old.getId(),
                new MeterRequests.ReplaceMeter(" NEW-1 ", "2026-02-20", new BigDecimal("8123.4"), new BigDecimal("5"), null));
        MeterItem retired = stored(old.getId());
        assertThat(retired.isActive()).isFalse();
        assertThat(retired.getStatus()).isEqualTo(MeterItem.RETIRED);
        assertThat(retired.getRemovedOn()).isEqualTo("2026-02-20");
        assertThat(retired.getReplacedByMeterId()).isEqualTo(next.getId());

        MeterItem started = stored(next.getId());
        assertThat(started.isActive()).isTrue();
        assertThat(started.getReplacesMeterId()).isEqualTo(old.getId());
        assertThat(started.getSerialNumber()).isEqualTo("NEW-1");
        assertThat(started.getInstalledOn()).isEqualTo("2026-02-20");
        assertThat(started.getStartReading()).isEqualTo("5");
        assertThat(started.getMultiplier()).as("kept from the old meter").isEqualTo("2");
        assertThat(started.getOcrTolerance()).isEqualTo("0.3");
        assertThat(started.getUnitId()).isEqualTo(f.unit1.getId());
        assertThat(started.getType()).isEqualTo("ELECTRICITY");
        assertThat(next.getVersion()).isEqualTo(1L);

        List<ReadingItem> finals = f.partition(ReadingItem.class, ReadingItem.pk(old.getId()));
        assertThat(finals).singleElement().satisfies(r -> {
            assertThat(r.getValue()).isEqualTo("8123.4");
            assertThat(r.getReadAt()).isEqualTo("2026-02-20T00:00:00Z");
            assertThat(r.getStatus()).isEqualTo(ReadingItem.ACCEPTED);
            assertThat(r.getSource()).isEqualTo(ReadingItem.MANUAL);
            assertThat(r.getSubmittedBy()).isEqualTo(f.manager);
            assertThat(r.getUnitId()).isEqualTo(f.unit1.getId());
            assertThat(r.getBuildingId()).isEqualTo(f.building.getId());
            assertThat(r.getOrganisationId()).isEqualTo(f.org);
            assertThat(r.getMeterId()).isEqualTo(old.getId());
            assertThat(r.getReceivedAt()).isEqualTo(DirectoryWorld.START.toString());
        });
        assertThat(f.partition(ReadingItem.class, ReadingItem.pk(next.getId()))).isEmpty();
    }

    @Test
    void aReplacementMayGiveItsOwnMultiplierAndNeedNotGiveAFinalReading() {
        MeterItem old = unitMeter(f.manager, f.unit1.getId(), "gas", new BigDecimal("3"), "2026-01-01", null);
        MeterItem next = f.meters.replace(DirectoryWorld.caller(f.manager), old.getId(),
                new MeterRequests.ReplaceMeter("NEW-2", "2026-02-01", null, null, new BigDecimal("1.5")));
        assertThat(stored(next.getId()).getMultiplier()).isEqualTo("1.5");
        assertThat(stored(next.getId()).getStartReading()).isEqualTo("0");
        assertThat(f.partition(ReadingItem.class, ReadingItem.pk(old.getId()))).isEmpty();
    }

    @Test
    void aRetiredMeterIsNeitherReplacedNorRetiredAgainAndNothingChanges() {
        MeterItem meter = unitMeter(f.manager, f.unit1.getId(), "gas", null, "2026-01-01", null);
        MeterItem retired = f.meters.retire(DirectoryWorld.caller(f.manager), meter.getId(), new MeterRequests.RetireMeter("2026-02-01", null));
        assertThat(retired.getVersion()).isEqualTo(meter.getVersion() + 1);
        assertThat(status(() -> f.meters.retire(DirectoryWorld.caller(f.manager), meter.getId(), new MeterRequests.RetireMeter("2026-02-02", null))))
                .isEqualTo(409);
        assertThat(status(() -> f.meters.replace(DirectoryWorld.caller(f.manager), meter.getId(),
                new MeterRequests.ReplaceMeter("X-1", "2026-02-02", null, null, null)))).isEqualTo(409);
        assertThat(stored(meter.getId()).getRemovedOn()).isEqualTo("2026-02-01");
        assertThat(f.meters.ofBuilding(f.building.getId())).hasSize(1);
    }

    @Test
    void aRetirementStoresTheFinalReadingOnTheDayRemovedAndTheMeterKeepsItsPlace() {
        MeterItem meter = unitMeter(f.manager, f.unit1.getId(), "hot_water", null, "2026-01-01", null);
        f.meters.retire(DirectoryWorld.caller(f.manager), meter.getId(), new MeterRequests.RetireMeter("2026-01-01", new BigDecimal("42.75")));
        MeterItem stored = stored(meter.getId());
        assertThat(stored.getStatus()).isEqualTo(MeterItem.RETIRED);
        assertThat(stored.getRemovedOn()).isEqualTo("2026-01-01");
        assertThat(stored.getReplacedByMeterId()).isNull();
        assertThat(f.partition(ReadingItem.class, ReadingItem.pk(meter.getId()))).singleElement()
                .satisfies(r -> assertThat(r.getValue()).isEqualTo("42.75"))
                .satisfies(r -> assertThat(r.getReadAt()).isEqualTo("2026-01-01T00:00:00Z"));
        assertThat(f.meters.ofUnit(DirectoryWorld.caller(f.owner), f.unit1.getId())).singleElement()
                .satisfies(m -> assertThat(m.isActive()).isFalse());
    }

    @Test
    void aMeterIsNotRemovedBeforeItWasInstalledNorByANonManager() {
        MeterItem meter = unitMeter(f.manager, f.unit1.getId(), "gas", null, "2026-02-01", null);
        assertThat(field(() -> f.meters.retire(DirectoryWorld.caller(f.manager), meter.getId(), new MeterRequests.RetireMeter("2026-01-31", null))))
                .isEqualTo("removedOn");
        assertThat(field(() -> f.meters.replace(DirectoryWorld.caller(f.manager), meter.getId(),
                new MeterRequests.ReplaceMeter("X-1", "2026-01-31", null, null, null)))).isEqualTo("replacedOn");
        assertThat(status(() -> f.meters.retire(DirectoryWorld.caller(f.owner), meter.getId(), new MeterRequests.RetireMeter("2026-02-05", null))))
                .isEqualTo(403);
        assertThat(status(() -> f.meters.replace(DirectoryWorld.caller(f.tenant), meter.getId(),
                new MeterRequests.ReplaceMeter("X-1", "2026-02-05", null, null, null)))).isEqualTo(403);
        assertThat(status(() -> f.meters.retire(DirectoryWorld.caller(f.outsider), meter.getId(), new MeterRequests.RetireMeter("2026-02-05", null))))
                .isEqualTo(404);
        assertThat(stored(meter.getId()).isActive()).isTrue();
        assertThat(f.meters.ofBuilding(f.building.getId())).hasSize(1);
    }

    @Test
    void aFinalReadingWhereOneIsAlreadyStoredRefusesTheWholeReplacement() {
        MeterItem meter = unitMeter(f.manager, f.unit1.getId(), "gas", null, "2026-01-01", null);
        ReadingItem existing = new ReadingItem();
        long at = java.time.Instant.parse("2026-02-01T00:00:00Z").toEpochMilli();
        existing.setPk(ReadingItem.pk(meter.getId()));
        existing.setSk(ReadingItem.sk(at));
        existing.setId(ReadingItem.id(meter.getId(), at));
        existing.setMeterId(meter.getId());
        existing.setValue("10");
        f.table.of(ReadingItem.class).putItem(existing);
        // The final reading would go where a reading already is (a new item's put is conditional on its absence):
        // the replacement is refused, and nothing of it is written.
        assertThat(status(() -> f.meters.replace(DirectoryWorld.caller(f.manager), meter.getId(),
                new MeterRequests.ReplaceMeter("X-1", "2026-02-01", new BigDecimal("11"), null, null)))).isEqualTo(409);
        assertThat(stored(meter.getId()).isActive()).isTrue();
        assertThat(stored(meter.getId()).getReplacedByMeterId()).isNull();
        assertThat(f.meters.ofBuilding(f.building.getId())).hasSize(1);
        assertThat(f.partition(ReadingItem.class, ReadingItem.pk(meter.getId()))).singleElement()
                .satisfies(r -> assertThat(r.getValue()).isEqualTo("10"));
    }

    @Test
    void theRequestsSayWhichFieldIsWrong() {
        assertThat(errors(new MeterRequests.CreateMeter(null, null, "electricity", "S-1", null, null, null, null))).contains("unitId");
        assertThat(errors(new MeterRequests.CreateMeter(f.unit1.getId(), f.building.getId(), "electricity", "S-1", null, null, null, null)))
                .containsExactly("buildingId");
        assertThat(errors(new MeterRequests.CreateMeter(f.unit1.getId(), null, "steam", "S-1", null, null, null, null))).containsExactly("type");
        assertThat(errors(new MeterRequests.CreateMeter(f.unit1.getId(), null, "electricity", "-bad", null, null, null, null)))
                .containsExactly("serialNumber");
        assertThat(errors(new MeterRequests.CreateMeter(f.unit1.getId(), null, "electricity", "S".repeat(65), null, null, null, null)))
                .containsExactly("serialNumber");
        assertThat(errors(new MeterRequests.CreateMeter(f.unit1.getId(), null, "electricity", "S".repeat(64), null, null, null, null))).isEmpty();
        assertThat(errors(new MeterRequests.CreateMeter(f.unit1.getId(), null, "electricity", "S-1", BigDecimal.ZERO, null, null, null)))
                .containsExactly("multiplier");
        assertThat(errors(new MeterRequests.CreateMeter(f.unit1.getId(), null, "electricity", "S-1", new BigDecimal("-1"), null, null, null)))
                .containsExactly("multiplier");
        assertThat(errors(new MeterRequests.CreateMeter(f.unit1.getId(), null, "electricity", "S-1", null, "2026-2-1", null, null)))
                .containsExactly("installedOn");
        assertThat(errors(new MeterRequests.CreateMeter(f.unit1.getId(), null, "electricity", "S-1", null, "2026-02-30", null, null)))
                .containsExactly("installedOn");
        assertThat(errors(new MeterRequests.CreateMeter(f.unit1.getId(), null, "electricity", "S-1", null, null, new BigDecimal("-0.1"), null)))
                .containsExactly("startReading");
        assertThat(errors(new MeterRequests.CreateMeter(f.unit1.getId(), null, "electricity", "S-1", null, null, null, new BigDecimal("1.1234567"))))
                .containsExactly("ocrTolerance");
        assertThat(errors(new MeterRequests.CreateMeter(f.unit1.getId(), null, "electricity", "S-1", null, null, new BigDecimal("1234567890123"), null)))
                .containsExactly("startReading");
        assertThat(errors(new MeterRequests.CreateMeter(f.unit1.getId(), null, "electricity", "S-1", new BigDecimal("0.000001"),
                "2026-01-01", new BigDecimal("123456789012.123456"), BigDecimal.ZERO))).isEmpty();

        assertThat(errors(new MeterRequests.ReplaceMeter("S-2", null, null, null, null))).containsExactly("replacedOn");
        assertThat(errors(new MeterRequests.ReplaceMeter("S-2", "tomorrow", null, null, null))).containsExactly("replacedOn");
        assertThat(errors(new MeterRequests.ReplaceMeter(null, "2026-02-01", null, null, null))).containsExactly("serialNumber");
        assertThat(errors(new MeterRequests.ReplaceMeter("S-2", "2026-02-01", new BigDecimal("-1"), new BigDecimal("-1"), BigDecimal.ZERO)))
                .containsExactly("finalReading", "startReading", "multiplier");
        assertThat(errors(new MeterRequests.ReplaceMeter("S-2", "2026-02-01", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE))).isEmpty();

        assertThat(errors(new MeterRequests.RetireMeter(null, null))).containsExactly("removedOn");
        assertThat(errors(new MeterRequests.RetireMeter("2026-13-01", null))).containsExactly("removedOn");
        assertThat(errors(new MeterRequests.RetireMeter("2026-02-01", new BigDecimal("-5")))).containsExactly("finalReading");
        assertThat(errors(new MeterRequests.RetireMeter("2026-02-01", BigDecimal.ZERO))).isEmpty();
        assertThat(new MeterRequests.CreateMeter(null, null, "Hot_Water", "S", null, null, null, null).meterType())
                .isEqualTo(app.domus.meters.MeterType.HOT_WATER);
    }
}
