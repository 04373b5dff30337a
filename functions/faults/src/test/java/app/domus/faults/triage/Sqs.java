package app.domus.faults.triage;

import app.domus.shared.events.DomainEvent;
import app.domus.shared.json.Json;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;

/** SQS batches as Lambda's event source mapping delivers them (raw SNS delivery: the body is the event). */
final class Sqs {
    private Sqs() {}

    static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setBody(body);
        return m;
    }

    static SQSEvent.SQSMessage message(String id, DomainEvent event) {
        return message(id, Json.write(event));
    }

    static SQSEvent batch(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    static List<String> failed(SQSBatchResponse response) {
        List<String> ids = new ArrayList<>();
        response.getBatchItemFailures().forEach(f -> ids.add(f.getItemIdentifier()));
        return ids;
    }
}
