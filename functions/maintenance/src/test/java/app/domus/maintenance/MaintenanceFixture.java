package app.domus.maintenance;

import app.domus.maintenance.equipment.Equipment;
import app.domus.maintenance.equipment.Signals;
import app.domus.maintenance.model.RiskModel;
import app.domus.maintenance.model.Training;
import app.domus.maintenance.predict.Predictions;
import app.domus.shared.ai.AiGateway;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.Role;
import app.domus.shared.testing.DirectoryWorld;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The directory world with the maintenance services: organisation O, building B (manager Mia, a second manager Max,
 * resident Rita owning unit 1), building C of the same organisation (manager Carl), and the bootstrap risk model
 * (trained once per JVM) behind a store that counts its loads.
 */
public final class MaintenanceFixture extends DirectoryWorld {
    static final RiskModel MODEL = Training.bootstrap();

    public final String org = organisation("O");
    public final BuildingItem building = building(org, "B");
    public final BuildingItem other = building(org, "C");
    public final String mia = user("mia");
    public final String max = user("max");
    public final String rita = user("rita");
    public final String carl = user("carl");
    public final String stranger = user("stranger");
    public final AtomicInteger loads = new AtomicInteger();
    public final AiGateway gateway = new AiGateway(table, clock, d -> { }, AiGateway.breakerSettings());
    public final Equipment equipment = new Equipment(table, access, clock);
    public final Signals signals = new Signals(table, clock);
    public final Predictions predictions = new Predictions(table, equipment, signals, access, gateway, outbox, notifications, clock);

    /** A run of building B's organisation with the fixture's model. */
    public Predictions.Result run(String orgId, String buildingId) {
        return predictions.run(orgId, buildingId, () -> {
            loads.incrementAndGet();
            return MODEL;
        });
    }

    public MaintenanceFixture() {
        member(mia, org, Role.MANAGER, building.getId(), null);
        member(max, org, Role.MANAGER, building.getId(), null);
        member(carl, org, Role.MANAGER, other.getId(), null);
        own(rita, unit(building, "1"), 1, 1);
        String elsewhere = organisation("S");
        member(stranger, elsewhere, Role.MANAGER, building(elsewhere, "X").getId(), null);
    }
}
