package app.domus.faults.queries;

import app.domus.faults.FaultItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.json.Json;
import app.domus.shared.persistence.Cursor;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.Page;
import app.domus.shared.persistence.TableItem;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pages through faults in one or more partitions of an index, one partition after the other (a caller who
 * belongs to several buildings sees them building by building). The cursor is the shared one, the index key
 * of the last fault returned; its partition tells where to resume, and it must be one the caller may list.
 * A filter applies before the limit: pages hold {@code limit} matching faults unless the list ends.
 */
final class FaultPager {
    private final DomusTable table;

    FaultPager(DomusTable table) {
        this.table = table;
    }

    Page<FaultItem> page(String index, List<String> partitions, String skPrefix, Expression filter, int limit, String cursor) {
        String partitionAttribute = index + "pk";
        int first = 0;
        Map<String, AttributeValue> resumeAt = null;
        if (cursor != null) {
            first = partitions.indexOf(partitionNamedIn(cursor, partitionAttribute));
            if (first < 0) throw invalidCursor();
            resumeAt = Cursor.decode(cursor, partitionAttribute, partitions.get(first));
        }
        List<FaultItem> found = new ArrayList<>();
        for (int p = first; p < partitions.size(); p++) {
            Map<String, AttributeValue> from = p == first ? resumeAt : null;
            do {
                Key key = skPrefix == null ? Key.builder().partitionValue(partitions.get(p)).build()
                        : Key.builder().partitionValue(partitions.get(p)).sortValue(skPrefix).build();
                var request = QueryEnhancedRequest.builder()
                        .queryConditional(skPrefix == null ? QueryConditional.keyEqualTo(key) : QueryConditional.sortBeginsWith(key))
                        .limit(limit - found.size()).exclusiveStartKey(from).filterExpression(filter).build();
                var page = table.of(FaultItem.class).index(index).query(request).iterator().next();
                found.addAll(page.items());
                from = page.lastEvaluatedKey();
                if (found.size() == limit) {
                    boolean more = from != null || p < partitions.size() - 1;
                    return new Page<>(found, more ? Cursor.encode(from != null ? from : keyOf(found.getLast(), index)) : null);
                }
            } while (from != null);
        }
        return new Page<>(found, null);
    }

    private static Map<String, AttributeValue> keyOf(FaultItem fault, String index) {
        boolean first = index.equals(TableItem.GSI1);
        return Map.of("pk", AttributeValue.fromS(fault.getPk()), "sk", AttributeValue.fromS(fault.getSk()),
                index + "pk", AttributeValue.fromS(first ? fault.getGsi1pk() : fault.getGsi2pk()),
                index + "sk", AttributeValue.fromS(first ? fault.getGsi1sk() : fault.getGsi2sk()));
    }

    private static String partitionNamedIn(String cursor, String attribute) {
        try {
            Map<String, String> key = Json.MAPPER.readValue(Base64.getUrlDecoder().decode(cursor), new TypeReference<>() {});
            return key.get(attribute);
        } catch (IllegalArgumentException | IOException e) {
            throw invalidCursor();
        }
    }

    private static ApiException invalidCursor() {
        return new ApiException(ProblemType.INVALID_CURSOR, "Start again from the first page");
    }
}
