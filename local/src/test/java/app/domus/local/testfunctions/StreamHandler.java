package app.domus.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a table's stream as a relay would: records every batch, and handles each new item by its {@code behaviour}
 * attribute: {@code ok}; {@code flaky-<n>} throws on its first n deliveries; {@code poison} is always reported in
 * {@code batchItemFailures}. Records after a failing one in the batch are not handled (their order must hold).
 */
public class StreamHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Map<String, AtomicInteger> DELIVERIES = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Recorded.record(context.getFunctionName(), event);
        for (Object element : (List<Object>) event.get("Records")) {
            Map<String, Object> change = (Map<String, Object>) ((Map<String, Object>) element).get("dynamodb");
            Map<String, Object> image = (Map<String, Object>) change.get("NewImage");
            if (image == null) continue;
            String id = text(image, "sk");
            String behaviour = text(image, "behaviour");
            int delivery = DELIVERIES.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            if (behaviour.startsWith("flaky-") && delivery <= Integer.parseInt(behaviour.substring("flaky-".length()))) {
                throw new IllegalStateException("flaky record " + id + ", delivery " + delivery);
            }
            if (behaviour.equals("poison")) {
                List<Map<String, Object>> failures = new ArrayList<>();
                failures.add(Map.of("itemIdentifier", change.get("SequenceNumber")));
                return Map.of("batchItemFailures", failures);
            }
            Recorded.record(context.getFunctionName() + "/handled", Map.of("id", id));
        }
        return Map.of("batchItemFailures", List.of());
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> image, String name) {
        Object attribute = image.get(name);
        return attribute instanceof Map<?, ?> value ? String.valueOf(((Map<String, Object>) value).get("S")) : "";
    }
}
