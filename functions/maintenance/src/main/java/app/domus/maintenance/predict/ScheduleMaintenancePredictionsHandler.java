package app.domus.maintenance.predict;

import app.domus.maintenance.MaintenanceComponent;
import app.domus.maintenance.equipment.Equipment;
import app.domus.shared.observability.Observability;
import app.domus.shared.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Every day at 03:00 UTC: one prediction message per building with equipment, naming the current model's file. */
public class ScheduleMaintenancePredictionsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, Priming.Primeable {
    private final Priming priming = Priming.register(this);
    private final Equipment equipment;
    private final PredictionRequests queue;
    private final S3ModelStore models;

    public ScheduleMaintenancePredictionsHandler() {
        this(MaintenanceComponent.create());
    }

    private ScheduleMaintenancePredictionsHandler(MaintenanceComponent wiring) {
        this(wiring.equipment(), wiring.requests(), wiring.models());
    }

    public ScheduleMaintenancePredictionsHandler(Equipment equipment, PredictionRequests queue, S3ModelStore models) {
        this.equipment = equipment;
        this.queue = queue;
        this.models = models;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> schedule, Context context) {
        return Observability.invocation(context, Observability.newCorrelationId(), () -> {
            var model = models.current();
            String version = model.map(S3ModelStore.Published::version).orElse(null);
            String url = model.map(S3ModelStore.Published::url).orElse(null);
            var messages = equipment.buildings().stream()
                    .map(b -> new PredictionRequests.Message(b.getOrganisationId(), b.getBuildingId(), version, url)).toList();
            queue.send(messages);
            return Map.of("queued", messages.size());
        });
    }

    /** Before the snapshot: every run has effects, so only the pipeline warms. */
    @Override
    public void prime() {
        Priming.warmPipeline();
    }
}
