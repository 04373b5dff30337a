package app.domus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
                // Installed through the meters API: a building's meters under METERS#<building>, a unit's by the key's prefix.
                var meters = dynamo.query(q -> q.tableName(table).indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :pk AND begins_with(gsi1sk, :unit)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("METERS#" + ids.get("buildingId")),
                                ":unit", AttributeValue.fromS(ids.get("unit." + unit) + "#"))));
                assertThat(meters.items()).extracting(m -> m.get("type").s()).containsExactlyInAnyOrder("COLD_WATER", "ELECTRICITY");
                assertThat(meters.items()).extracting(m -> m.get("status").s()).containsOnly("ACTIVE");
                assertThat(ids).containsKey("meter." + unit + ".cold_water");
            }
        }
    }

    @Test
    void twoSmartMetersAreRegisteredWithSecretsOnlyTheDemoDataKnows(LocalCloudClient cloud) {
        var ids = cloud.cloud().demoData().ids();
        String table = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("DomusTable"));
        try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            for (String unit : new String[] {"1A", "1B"}) {
                Map<String, AttributeValue> device = dynamo.getItem(g -> g.tableName(table).key(Map.of(
                        "pk", AttributeValue.fromS("DEVICE#" + ids.get("device." + unit)), "sk", AttributeValue.fromS("DEVICE")))).item();
                assertThat(device.get("meterId").s()).isEqualTo(ids.get("meter." + unit + ".electricity"));
                assertThat(device.get("status").s()).isEqualTo("ACTIVE");
                // Only the hash is stored; the secret itself is in the demo data for the simulator.
                assertThat(device.get("secretHash").s()).hasSize(64).isNotEqualTo(ids.get("device." + unit + ".secret"));
                assertThat(device.values()).noneMatch(v -> ids.get("device." + unit + ".secret").equals(v.s()));
            }
        }
    }
}
