package app.domus.local.dynamodb;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Item images of stream records in the JSON of DynamoDB's wire format ({@code {"S": "..."}}), as Lambda passes them. */
final class StreamImages {
    private StreamImages() {}

    static ObjectNode toJson(Map<String, AttributeValue> item) {
        ObjectNode json = Json.object();
        item.forEach((name, value) -> json.set(name, toJson(value)));
        return json;
    }

    static ObjectNode toJson(AttributeValue value) {
        ObjectNode json = Json.object();
        switch (value.type()) {
            case S -> json.put("S", value.s());
            case N -> json.put("N", value.n());
            case B -> json.put("B", base64(value.b()));
            case BOOL -> json.put("BOOL", value.bool());
            case NUL -> json.put("NULL", true);
            case SS -> value.ss().forEach(json.putArray("SS")::add);
            case NS -> value.ns().forEach(json.putArray("NS")::add);
            case BS -> {
                ArrayNode array = json.putArray("BS");
                value.bs().forEach(bytes -> array.add(base64(bytes)));
            }
            case M -> json.set("M", toJson(value.m()));
            case L -> {
                ArrayNode array = json.putArray("L");
                value.l().forEach(element -> array.add(toJson(element)));
            }
            default -> throw new IllegalArgumentException("Unknown attribute type in a stream record: " + value.type());
        }
        return json;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
