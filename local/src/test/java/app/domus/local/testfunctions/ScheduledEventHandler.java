package app.domus.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;

/** Takes the typed scheduled event EventBridge sends when a schedule has no Input. */
public class ScheduledEventHandler implements RequestHandler<ScheduledEvent, Void> {
    @Override
    public Void handleRequest(ScheduledEvent event, Context context) {
        Recorded.record(context.getFunctionName(), Map.of("detailType", event.getDetailType(), "source", event.getSource(),
                "resources", event.getResources()));
        return null;
    }
}
