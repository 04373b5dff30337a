package app.domus.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.http.ApiException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorTest {
    @Test
    void roundTripsTheLastEvaluatedKey() {
        var key = Map.of("pk", AttributeValue.fromS("ORG#1"), "sk", AttributeValue.fromS("BUILDING#9"));
        assertThat(Cursor.decode(Cursor.encode(key), "pk", "ORG#1")).isEqualTo(key);
    }

    @Test
    void refusesACursorForAnotherPartition() {
        String otherTenant = Cursor.encode(Map.of("pk", AttributeValue.fromS("ORG#2"), "sk", AttributeValue.fromS("x")));
        assertThatThrownBy(() -> Cursor.decode(otherTenant, "pk", "ORG#1")).isInstanceOf(ApiException.class);
    }

    @Test
    void refusesGarbage() {
        assertThatThrownBy(() -> Cursor.decode("not base64 !!", "pk", "ORG#1")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> Cursor.decode("e30", "pk", "ORG#1")).isInstanceOf(ApiException.class);
    }

    @Test
    void noMorePagesMeansNoCursor() {
        assertThat(Cursor.encode(Map.of())).isNull();
        assertThat(Cursor.decode(null, "pk", "ORG#1")).isNull();
    }
}
