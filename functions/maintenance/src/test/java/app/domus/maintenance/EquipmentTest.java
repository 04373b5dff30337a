package app.domus.maintenance;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.maintenance.equipment.Equipment;
import app.domus.maintenance.equipment.EquipmentItem;
import app.domus.maintenance.equipment.MaintenanceRecordItem;
import app.domus.shared.access.Action;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import org.junit.jupiter.api.Test;

class EquipmentTest {
    final MaintenanceFixture f = new MaintenanceFixture();

    EquipmentItem boiler() {
        return f.equipment.register(caller(f.mia), f.building.getId(), new Equipment.NewEquipment("boiler", "Boiler A", "2010-05-01", "2025-01-10"));
    }

    @Test
    void managersRegisterEquipmentAndMembersReadIt() {
        EquipmentItem boiler = boiler();
        assertThat(boiler.getType()).isEqualTo("boiler");
        assertThat(f.equipment.list(caller(f.rita), f.building.getId())).extracting(EquipmentItem::getId).containsExactly(boiler.getId());
        assertThat(f.equipment.get(caller(f.rita), boiler.getId(), Action.READ).equipment().getName()).isEqualTo("Boiler A");
        assertThat(f.equipment.buildings()).extracting(b -> b.getBuildingId()).containsExactly(f.building.getId());
    }

    @Test
    void residentsCannotWriteAndOutsidersSeeNothing() {
        EquipmentItem boiler = boiler();
        assertProblem(() -> f.equipment.register(caller(f.rita), f.building.getId(), new Equipment.NewEquipment("lift", null, "2001-01-01", null)), ProblemType.FORBIDDEN);
        assertProblem(() -> f.equipment.record(caller(f.rita), boiler.getId(), new Equipment.NewRecord("service", "2026-02-01", null)), ProblemType.FORBIDDEN);
        assertProblem(() -> f.equipment.get(caller(f.stranger), boiler.getId(), Action.READ), ProblemType.NOT_FOUND);
        assertProblem(() -> f.equipment.list(caller(f.stranger), f.building.getId()), ProblemType.NOT_FOUND);
        // A manager of another building of the organisation manages nothing here.
        assertProblem(() -> f.equipment.record(caller(f.carl), boiler.getId(), new Equipment.NewRecord("service", "2026-02-01", null)), ProblemType.FORBIDDEN);
    }

    @Test
    void badInputIsAValidationProblem() {
        assertProblem(() -> f.equipment.register(caller(f.mia), f.building.getId(), new Equipment.NewEquipment("toaster", null, "2010-01-01", null)), ProblemType.VALIDATION);
        assertProblem(() -> f.equipment.register(caller(f.mia), f.building.getId(), new Equipment.NewEquipment("pump", null, "last year", null)), ProblemType.VALIDATION);
        assertProblem(() -> f.equipment.register(caller(f.mia), f.building.getId(), new Equipment.NewEquipment("pump", null, "2020-01-01", "2019-01-01")), ProblemType.VALIDATION);
        EquipmentItem boiler = boiler();
        assertProblem(() -> f.equipment.record(caller(f.mia), boiler.getId(), new Equipment.NewRecord("polish", "2026-02-01", null)), ProblemType.VALIDATION);
        assertProblem(() -> f.equipment.record(caller(f.mia), boiler.getId(), new Equipment.NewRecord("service", "2099-01-01", null)), ProblemType.VALIDATION);
        assertProblem(() -> f.equipment.record(caller(f.mia), boiler.getId(), new Equipment.NewRecord("service", "2009-01-01", null)), ProblemType.VALIDATION);
    }

    @Test
    void aNewerServiceMovesLastServicedOnAndAnOlderOrARepairDoesNot() {
        EquipmentItem boiler = boiler();
        f.equipment.record(caller(f.mia), boiler.getId(), new Equipment.NewRecord("repair", "2026-02-20", "valve"));
        assertThat(f.equipment.get(caller(f.mia), boiler.getId(), Action.READ).equipment().getLastServicedOn()).isEqualTo("2025-01-10");
        f.equipment.record(caller(f.mia), boiler.getId(), new Equipment.NewRecord("service", "2024-06-01", null));
        assertThat(f.equipment.get(caller(f.mia), boiler.getId(), Action.READ).equipment().getLastServicedOn()).isEqualTo("2025-01-10");
        f.equipment.record(caller(f.max), boiler.getId(), new Equipment.NewRecord("Service", "2026-03-01", null));
        Equipment.View view = f.equipment.get(caller(f.rita), boiler.getId(), Action.READ);
        assertThat(view.equipment().getLastServicedOn()).isEqualTo("2026-03-01");
        assertThat(view.records()).extracting(MaintenanceRecordItem::getPerformedOn).containsExactly("2024-06-01", "2026-02-20", "2026-03-01");
    }

    @Test
    void registrationStoresTheEquipmentWithItsCreationTimeAndListsItsBuildingForTheDailyJobOnce() {
        EquipmentItem boiler = boiler();
        EquipmentItem stored = f.equipment.get(caller(f.rita), boiler.getId(), Action.READ).equipment();
        assertThat(stored.getCreatedAt()).isEqualTo(f.clock.instant().toString());
        assertThat(stored.getOrganisationId()).isEqualTo(f.org);
        assertThat(stored.getBuildingId()).isEqualTo(f.building.getId());
        f.equipment.register(caller(f.mia), f.building.getId(), new Equipment.NewEquipment("lift", null, "2015-01-01", null));
        assertThat(f.equipment.buildings()).singleElement().satisfies(b -> {
            assertThat(b.getBuildingId()).isEqualTo(f.building.getId());
            assertThat(b.getOrganisationId()).isEqualTo(f.org);
        });
    }

    @Test
    void aNameIsAtMost120CharactersAndWithoutOneTheEquipmentIsCalledByItsType() {
        assertThat(f.equipment.register(caller(f.mia), f.building.getId(), new Equipment.NewEquipment("pump", "p".repeat(120), "2010-01-01", null))
                .getName()).hasSize(120);
        assertProblem(() -> f.equipment.register(caller(f.mia), f.building.getId(), new Equipment.NewEquipment("pump", "p".repeat(121), "2010-01-01", null)),
                ProblemType.VALIDATION);
        assertThat(f.equipment.register(caller(f.mia), f.building.getId(), new Equipment.NewEquipment(" Roof ", "  ", "2010-01-01", null)).getName())
                .isEqualTo("roof");
    }

    @Test
    void aRecordKeepsWhatWasDoneWhenWithWhichNotesAndByWhom() {
        EquipmentItem boiler = boiler();
        MaintenanceRecordItem returned = f.equipment.record(caller(f.max), boiler.getId(), new Equipment.NewRecord(" Repair ", "2026-02-20", "  valve replaced "));
        MaintenanceRecordItem stored = f.equipment.get(caller(f.rita), boiler.getId(), Action.READ).records().getFirst();
        assertThat(stored.getRecordId()).isEqualTo(returned.getRecordId()).isNotBlank();
        assertThat(stored.getEquipmentId()).isEqualTo(boiler.getId());
        assertThat(stored.getKind()).isEqualTo("repair");
        assertThat(stored.getPerformedOn()).isEqualTo("2026-02-20");
        assertThat(stored.getNotes()).isEqualTo("valve replaced");
        assertThat(stored.getRecordedBy()).isEqualTo(f.max);
    }

    @Test
    void notesAreAtMost2000Characters() {
        EquipmentItem boiler = boiler();
        assertThat(f.equipment.record(caller(f.mia), boiler.getId(), new Equipment.NewRecord("inspection", "2026-02-20", "n".repeat(2000))).getNotes())
                .hasSize(2000);
        assertProblem(() -> f.equipment.record(caller(f.mia), boiler.getId(), new Equipment.NewRecord("inspection", "2026-02-20", "n".repeat(2001))),
                ProblemType.VALIDATION);
    }

    @Test
    void aServiceOnTheDayAlreadyKnownLeavesTheEquipmentAsItWas() {
        EquipmentItem boiler = boiler();
        Long version = f.equipment.get(caller(f.mia), boiler.getId(), Action.READ).equipment().getVersion();
        f.equipment.record(caller(f.mia), boiler.getId(), new Equipment.NewRecord("service", "2025-01-10", null));
        EquipmentItem after = f.equipment.get(caller(f.mia), boiler.getId(), Action.READ).equipment();
        assertThat(after.getVersion()).isEqualTo(version);
        assertThat(after.getLastServicedOn()).isEqualTo("2025-01-10");
        // Equipment never serviced takes its first service's day.
        EquipmentItem pump = f.equipment.register(caller(f.mia), f.building.getId(), new Equipment.NewEquipment("pump", null, "2020-01-01", null));
        f.equipment.record(caller(f.mia), pump.getId(), new Equipment.NewRecord("service", "2021-05-05", null));
        assertThat(f.equipment.get(caller(f.mia), pump.getId(), Action.READ).equipment().getLastServicedOn()).isEqualTo("2021-05-05");
    }

    @Test
    void unknownEquipmentIsNotFound() {
        assertProblem(() -> f.equipment.get(caller(f.mia), "01NOSUCHEQUIPMENT000000000", Action.READ), ProblemType.NOT_FOUND);
        assertProblem(() -> f.equipment.record(caller(f.mia), "01NOSUCHEQUIPMENT000000000", new Equipment.NewRecord("service", "2026-02-01", null)),
                ProblemType.NOT_FOUND);
    }

    static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ProblemType type) {
        assertThatThrownBy(call).isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).type()).isEqualTo(type);
    }
}
