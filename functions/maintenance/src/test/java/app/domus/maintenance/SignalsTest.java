package app.domus.maintenance;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.maintenance.equipment.Equipment;
import app.domus.maintenance.equipment.EquipmentItem;
import app.domus.maintenance.equipment.MaintenanceRecordItem;
import app.domus.maintenance.equipment.SignalItem;
import app.domus.maintenance.equipment.Signals;
import app.domus.maintenance.model.Features;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The projection of other contexts' signals and the features computed from it, at the edges of its windows. */
class SignalsTest {
    final MaintenanceFixture f = new MaintenanceFixture();
    final Instant now = f.clock.instant();
    final EquipmentItem boiler = f.equipment.register(caller(f.mia), f.building.getId(),
            new Equipment.NewEquipment("boiler", "Boiler", "2010-01-01", "2025-06-01"));

    Instant daysAgo(long days) {
        return now.minus(Duration.ofDays(days));
    }

    static MaintenanceRecordItem record(String kind, String day) {
        MaintenanceRecordItem r = new MaintenanceRecordItem();
        r.setKind(kind);
        r.setPerformedOn(day);
        return r;
    }

    @Test
    void aSignalIsKeptTwoYearsUnderItsSourceAndARedeliveryDoesNotMoveIt() {
        f.signals.fault(f.building.getId(), "f1", null, daysAgo(3));
        f.signals.fault(f.building.getId(), "f1", "heating", daysAgo(1));
        f.signals.anomaly(f.building.getId(), "a1", "spike", daysAgo(2));
        List<SignalItem> stored = f.signals.of(f.building.getId());
        assertThat(stored).extracting(SignalItem::getSourceId).containsExactly("f1", "a1");
        SignalItem fault = stored.getFirst();
        assertThat(fault.getKind()).isEqualTo(SignalItem.FAULT);
        assertThat(fault.getCategory()).isEqualTo("other");
        assertThat(fault.getOccurredAt()).isEqualTo(daysAgo(3).toString());
        assertThat(fault.getTtl()).isEqualTo(daysAgo(3).plus(Duration.ofDays(730)).getEpochSecond());
        assertThat(stored.get(1).getCategory()).isEqualTo("spike");
        assertThat(stored.get(1).getTtl()).isEqualTo(daysAgo(2).plus(Duration.ofDays(730)).getEpochSecond());
    }

    @Test
    void theWindowsIncludeTheirLastDayAndASignalOfThisVeryMoment() {
        f.signals.fault(f.building.getId(), "now", "heating", now);
        f.signals.fault(f.building.getId(), "d90", "heating", daysAgo(90));
        f.signals.fault(f.building.getId(), "d91", "heating", daysAgo(91));
        f.signals.fault(f.building.getId(), "d365", "heating", daysAgo(365));
        f.signals.fault(f.building.getId(), "d366", "heating", daysAgo(366));
        f.signals.fault(f.building.getId(), "later", "heating", now.plusSeconds(3600));
        Features features = f.signals.features(boiler, List.of(), f.signals.of(f.building.getId()));
        assertThat(features.faults90d()).isEqualTo(2);
        assertThat(features.faults365d()).isEqualTo(4);
        assertThat(features.daysSinceLastFault()).isZero();
    }

    @Test
    void anomaliesOfTheLast90DaysCountWhateverTheirKindAndOlderOnesDoNot() {
        f.signals.anomaly(f.building.getId(), "a1", "spike", daysAgo(1));
        f.signals.anomaly(f.building.getId(), "a2", "stuck", daysAgo(30));
        f.signals.anomaly(f.building.getId(), "a3", "spike", daysAgo(90));
        f.signals.anomaly(f.building.getId(), "a4", "spike", daysAgo(91));
        f.signals.anomaly(f.building.getId(), "a5", "spike", daysAgo(300));
        f.signals.fault(f.building.getId(), "f1", "plumbing", daysAgo(5));
        Features features = f.signals.features(boiler, List.of(), f.signals.of(f.building.getId()));
        assertThat(features.anomalies90d()).isEqualTo(3);
        assertThat(features.faults365d()).isZero();
    }

    @Test
    void theLastServiceIsTheLatestOfTheEquipmentsDateAndItsServiceRecordsUpToThatDay() {
        List<MaintenanceRecordItem> records = List.of(record("service", "2025-09-01"), record("service", "2025-07-01"),
                record("repair", "2026-02-01"), record("inspection", "2026-01-15"));
        assertThat(f.signals.features(boiler, records, List.of()).daysSinceService()).isEqualTo(182.0);
        // As the features were on 2025-09-01: that day's service counts, none after it does.
        Instant then = Instant.parse("2025-09-01T12:00:00Z");
        assertThat(Signals.features(boiler, records, List.of(), then).daysSinceService()).isZero();
        assertThat(Signals.features(boiler, records, List.of(), Instant.parse("2025-08-31T12:00:00Z")).daysSinceService()).isEqualTo(61.0);
        // Never serviced, no service record: as long ago as the data goes.
        EquipmentItem roof = f.equipment.register(caller(f.mia), f.building.getId(), new Equipment.NewEquipment("roof", null, "1990-01-01", null));
        assertThat(f.signals.features(roof, List.of(record("repair", "2026-01-01")), List.of()).daysSinceService()).isEqualTo(Features.NEVER);
        assertThat(f.signals.features(roof, List.of(), List.of()).daysSinceService()).isEqualTo(Features.NEVER);
    }
}
