package app.domus.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Processes work items: reports the ones whose body starts with "fail", and fails the whole batch on "crash". */
public class WorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            Recorded.record("WorkerFunction", Map.of("body", message.getBody(), "messageId", message.getMessageId(),
                    "receiveCount", message.getAttributes().get("ApproximateReceiveCount"), "eventSourceArn", message.getEventSourceArn()));
            if (message.getBody().startsWith("crash")) throw new IllegalStateException("crash on " + message.getBody());
            if (message.getBody().startsWith("fail")) failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
        }
        return new SQSBatchResponse(failures);
    }
}
