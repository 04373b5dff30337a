package app.domus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.seed.DemoMeterItem;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import app.domus.shared.persistence.DomusTable;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The first start seeds a usable estate: every role can sign in, the codes are open, every unit has its meters. */
@ExtendWith(LocalCloudExtension.class)
class DemoSeedTest {

    @Test
    void everyDemoAccountSignsInWithTheDocumentedPassword(LocalCloudClient cloud) {
        for (var account : cloud.cloud().demoData().accounts()) {
            var login = cloud.anonymous().post("/auth/login", IdentityFlowsTest.json(Map.of("email", account.email(), "password",
                    "domus-demo-password")));
            assertThat(login.status()).as(account.key()).isEqualTo(200);
        }
        assertThat(cloud.cloud().demoData().accounts()).extracting(a -> a.role())
                .contains("org_admin", "manager", "technician", "owner", "tenant");
        JsonNode demo = cloud.console("demo");
        assertThat(demo.path("invitationCodes").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void everyUnitHasAColdWaterAndAnElectricityMeter(LocalCloudClient cloud) {
        var ids = cloud.cloud().demoData().ids();
        String table = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("DomusTable"));
        try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            for (String unit : new String[] {"1A", "1B", "2A", "2B", "3A", "3B"}) {
                var meters = dynamo.query(q -> q.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("UNIT#" + ids.get("unit." + unit) + "#METERS"))));
                assertThat(meters.items()).extracting(m -> m.get("type").s()).containsExactlyInAnyOrder("COLD_WATER", "ELECTRICITY");
                assertThat(ids).containsKey("meter." + unit + ".cold_water");
            }
        }
    }

    @Test
    void metersAreStoredAsTheBeanMapperStoredThemAndReadBackUnchanged(LocalCloudClient cloud) {
        var ids = cloud.cloud().demoData().ids();
        String table = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("DomusTable"));
        try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            Map<String, AttributeValue> stored = dynamo.getItem(g -> g.tableName(table).key(Map.of(
                    "pk", AttributeValue.fromS(DemoMeterItem.pk(ids.get("meter.1A.cold_water"))),
                    "sk", AttributeValue.fromS(DemoMeterItem.SK)))).item();
            // The names and types TableSchema.fromBean wrote for a seeded meter before the schemas became static.
            assertThat(new TreeMap<>(stored).entrySet()).extracting(e -> e.getKey() + "=" + e.getValue().type())
                    .containsExactly("buildingId=S", "createdAt=S", "gsi1pk=S", "gsi1sk=S", "id=S", "organisationId=S", "pk=S",
                            "serialNumber=S", "sk=S", "type=S", "unitId=S", "unitOfMeasure=S", "version=N");
            TableSchema<DemoMeterItem> schema = DomusTable.schema(DemoMeterItem.class);
            assertThat(schema.itemToMap(schema.mapToItem(stored), true)).isEqualTo(stored);
        }
    }
}
