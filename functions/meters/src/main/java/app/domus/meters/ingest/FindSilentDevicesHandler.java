package app.domus.meters.ingest;

import app.domus.meters.MetersComponent;
import app.domus.shared.observability.Observability;
import app.domus.shared.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Every 15 minutes (EventBridge schedule): devices gone silent are reported as anomalies ({@link SilentDevices}). */
public class FindSilentDevicesHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, Priming.Primeable {
    private final Priming priming = Priming.register(this);
    private final SilentDevices silent;

    public FindSilentDevicesHandler() {
        this(MetersComponent.create().silentDevices());
    }

    FindSilentDevicesHandler(SilentDevices silent) {
        this.silent = silent;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Observability.invocation(context, Observability.newCorrelationId(), () -> Map.of("reported", silent.report()));
    }

    /** Every run reports what it finds, so priming warms only the pipeline. */
    @Override
    public void prime() {
        Priming.warmPipeline();
    }
}
