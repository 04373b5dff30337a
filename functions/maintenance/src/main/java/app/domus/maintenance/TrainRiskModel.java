package app.domus.maintenance;

import app.domus.maintenance.equipment.Equipment;
import app.domus.maintenance.equipment.EquipmentItem;
import app.domus.maintenance.equipment.MaintainedBuildingItem;
import app.domus.maintenance.equipment.SignalItem;
import app.domus.maintenance.equipment.Signals;
import app.domus.maintenance.model.Example;
import app.domus.maintenance.model.Training;
import app.domus.maintenance.predict.S3ModelStore;
import app.domus.shared.config.Env;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The training command (README): trains the risk model on the synthetic history with the fixed seed and the
 * platform's own labelled history (each piece of equipment as it was 90 days ago, labelled by whether a fault of its
 * category came since), prints its AUC on the held-out synthetic set, and publishes it to {@code MODELS_BUCKET} as a new
 * version made current. It reads {@code TABLE_NAME} and honours the SDK's endpoint settings ({@code AWS_ENDPOINT_URL}).
 */
public final class TrainRiskModel {
    private TrainRiskModel() {}

    public static void main(String[] args) {
        MaintenanceComponent wiring = MaintenanceComponent.create();
        Equipment equipment = wiring.equipment();
        List<Example> platform = new ArrayList<>();
        Instant now = Instant.now();
        for (MaintainedBuildingItem building : equipment.buildings()) {
            List<SignalItem> signals = wiring.signals().of(building.getBuildingId());
            for (EquipmentItem e : equipment.ofBuilding(building.getBuildingId())) {
                Signals.labelled(e, equipment.records(e.getId()), signals, now, Duration.ofDays(90)).ifPresent(platform::add);
            }
        }
        Training.Trained trained = Training.train(platform);
        System.out.printf("model %s: %d platform examples, held-out AUC %.4f%n", trained.model().version(), platform.size(), trained.heldOutAuc());
        if (args.length > 0 && args[0].equals("--dry-run")) return;
        S3ModelStore.publish(wiring.s3(), Env.required("MODELS_BUCKET"), trained.model());
        System.out.println("published to s3://" + Env.required("MODELS_BUCKET") + "/" + S3ModelStore.PREFIX + trained.model().version() + ".ubj");
    }
}
