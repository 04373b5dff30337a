package app.domus.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.util.Map;

/** Records each S3 notification record it gets. */
public class UploadHandler implements RequestHandler<S3Event, Void> {
    @Override
    public Void handleRequest(S3Event event, Context context) {
        event.getRecords().forEach(record -> Recorded.record("UploadFunction", Map.of(
                "eventName", record.getEventName(),
                "bucket", record.getS3().getBucket().getName(),
                "key", record.getS3().getObject().getKey(),
                "size", record.getS3().getObject().getSizeAsLong())));
        return null;
    }
}
