package app.domus.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Records its raw event (as a map, the way IoT rules and schedules with Input are usually taken) under its function name. */
public class RecordingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Recorded.record(context.getFunctionName(), event);
        return Map.of("ok", true);
    }
}
