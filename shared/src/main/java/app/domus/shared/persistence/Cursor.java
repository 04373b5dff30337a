package app.domus.shared.persistence;

import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque paging cursor: the query's last evaluated key, base64url-encoded. On the way back in it must name
 * the partition being listed; a cursor copied from another list (or crafted to reach another tenant's
 * partition) is refused.
 */
public final class Cursor {
    private Cursor() {}

    public static String encode(Map<String, AttributeValue> lastKey) {
        if (lastKey == null || lastKey.isEmpty()) return null;
        Map<String, String> plain = new LinkedHashMap<>();
        lastKey.forEach((k, v) -> plain.put(k, v.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
    }

    public static Map<String, AttributeValue> decode(String cursor, String partitionAttribute, String expectedPartition) {
        if (cursor == null) return null;
        try {
            String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            Map<String, String> plain = Json.MAPPER.readValue(json, new TypeReference<Map<String, String>>() {});
            if (!expectedPartition.equals(plain.get(partitionAttribute)) || plain.size() > 4) throw invalid();
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            plain.forEach((k, v) -> {
                if (v == null) throw invalid();
                key.put(k, AttributeValue.fromS(v));
            });
            return key;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return new ApiException(ProblemType.INVALID_CURSOR, "Start again from the first page");
    }
}
