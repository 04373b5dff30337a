package app.domus.shared.testing;

import app.domus.shared.events.DomainEvent;
import app.domus.shared.json.Json;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;

/** SQS batches as Lambda's event source mapping delivers them (raw SNS delivery: the body is the event). */
public final class SqsEvents {
    private SqsEvents() {}

    public static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setBody(body);
        return m;
    }

    public static SQSEvent.SQSMessage message(String id, DomainEvent event) {
        return message(id, Json.write(event));
    }

    public static SQSEvent batch(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    /** A batch of these bodies, with message ids {@code m0}, {@code m1}, … in order. */
    public static SQSEvent batch(String... bodies) {
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) messages.add(message("m" + i, bodies[i]));
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }

    /** A batch of these events, with message ids {@code m0}, {@code m1}, … in order. */
    public static SQSEvent batch(DomainEvent... events) {
        String[] bodies = new String[events.length];
        for (int i = 0; i < events.length; i++) bodies[i] = Json.write(events[i]);
        return batch(bodies);
    }

    /** The message ids the handler reported as failed. */
    public static List<String> failed(SQSBatchResponse response) {
        List<String> ids = new ArrayList<>();
        response.getBatchItemFailures().forEach(f -> ids.add(f.getItemIdentifier()));
        return ids;
    }
}
