package app.domus.local.s3;

import app.domus.local.FunctionEvent;
import app.domus.local.json.Json;
import app.domus.local.runtime.Functions;
import app.domus.local.runtime.LocalFunction;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The functions' {@code S3} events: which bucket, which event names ({@code s3:ObjectCreated:*}), which key prefix and
 * suffix; each matching change is delivered as an S3 event notification, asynchronously, as S3 invokes Lambda.
 */
public final class S3Notifications implements ObjectEvents {
    private final List<Rule> rules = new ArrayList<>();
    private final Functions functions;
    private final String region;
    private final AtomicLong sequencer = new AtomicLong(System.currentTimeMillis());

    public S3Notifications(List<FunctionEvent> s3Events, Functions functions, String region) {
        this.functions = functions;
        this.region = region;
        for (FunctionEvent event : s3Events) {
            List<String> eventPatterns = event.properties().get("Events") instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList()
                    : List.of(event.string("Events"));
            String prefix = "";
            String suffix = "";
            Object rulesValue = event.map("Filter").get("S3Key") instanceof Map<?, ?> s3Key ? s3Key.get("Rules") : null;
            if (rulesValue instanceof List<?> filterRules) {
                for (Object filterRule : filterRules) {
                    Map<?, ?> rule = (Map<?, ?>) filterRule;
                    String name = String.valueOf(rule.get("Name")).toLowerCase();
                    if (name.equals("prefix")) prefix = String.valueOf(rule.get("Value"));
                    if (name.equals("suffix")) suffix = String.valueOf(rule.get("Value"));
                }
            }
            rules.add(new Rule(event.string("Bucket"), eventPatterns, prefix, suffix, functions.get(event.functionLogicalId()), event.name()));
        }
    }

    @Override
    public void objectChanged(String eventName, String bucket, String key, long size, String eTag) {
        for (Rule rule : rules) {
            if (rule.matches(eventName, bucket, key)) {
                functions.invokeAsync(rule.function(), Json.write(event(rule, eventName, bucket, key, size, eTag)));
            }
        }
    }

    private ObjectNode event(Rule rule, String eventName, String bucket, String key, long size, String eTag) {
        ObjectNode event = Json.object();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", Instant.now().toString());
        record.put("eventName", eventName);
        record.putObject("userIdentity").put("principalId", "local");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        record.putObject("responseElements").put("x-amz-request-id", UUID.randomUUID().toString()).put("x-amz-id-2", "local");
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", rule.eventName());
        ObjectNode bucketNode = s3.putObject("bucket");
        bucketNode.put("name", bucket);
        bucketNode.putObject("ownerIdentity").put("principalId", "local");
        bucketNode.put("arn", "arn:aws:s3:::" + bucket);
        ObjectNode object = s3.putObject("object");
        // S3 URL-encodes the key in notifications (spaces as '+').
        object.put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"));
        if (eventName.startsWith("ObjectCreated")) {
            object.put("size", size);
            if (eTag != null) object.put("eTag", eTag);
        }
        object.put("sequencer", HexFormat.of().toHexDigits(sequencer.incrementAndGet()).toUpperCase());
        return event;
    }

    private record Rule(String bucket, List<String> eventPatterns, String prefix, String suffix, LocalFunction function, String eventName) {
        boolean matches(String s3EventName, String changedBucket, String key) {
            if (!bucket.equals(changedBucket) || !key.startsWith(prefix) || !key.endsWith(suffix)) return false;
            String qualified = "s3:" + s3EventName;
            return eventPatterns.stream().anyMatch(pattern -> pattern.endsWith("*")
                    ? qualified.startsWith(pattern.substring(0, pattern.length() - 1))
                    : qualified.equals(pattern));
        }
    }
}
