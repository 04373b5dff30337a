package app.domus.e2e;

import static app.domus.e2e.IdentityFlowsTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An access token does not outlive its session by its 15 minutes: after a logout, and (for every other session) after
 * a password change, the old token is refused with 401 by another context's function (the notifications list, not
 * identity) within the stage's SessionCheckSeconds, while a fresh token works; a removed membership is refused at
 * once, because the access service reads memberships on every request.
 */
@ExtendWith(LocalCloudExtension.class)
class TokenRevocationFlowTest {
    private static final String PASSWORD = "a long revocation password 2026";
    /** The template's SessionCheckSeconds (5) and then some: how long an ended session's token may still pass. */
    private static final long STALENESS_BOUND_MILLIS = 8_000;

    @Test
    void afterALogoutTheOldAccessTokenIsRefusedAndAFreshOneWorks(LocalCloudClient cloud) throws Exception {
        String email = portalUser(cloud);
        String old = login(cloud, email, PASSWORD);
        String other = login(cloud, email, PASSWORD);
        assertThat(notifications(cloud, old).status()).isEqualTo(200);

        ApiResponse logout = cloud.withToken(old).post("/auth/logout", "");
        assertThat(logout.status()).as(logout.body()).isEqualTo(204);

        assertRefusedWithinTheBound(() -> notifications(cloud, old));
        assertThat(notifications(cloud, other).status()).as("the user's other session goes on").isEqualTo(200);
        assertThat(notifications(cloud, login(cloud, email, PASSWORD)).status()).as("a fresh sign-in works").isEqualTo(200);
    }

    @Test
    void afterAPasswordChangeEveryOtherSessionsTokenIsRefused(LocalCloudClient cloud) throws Exception {
        String email = portalUser(cloud);
        String changing = login(cloud, email, PASSWORD);
        String elsewhere = login(cloud, email, PASSWORD);
        assertThat(notifications(cloud, elsewhere).status()).isEqualTo(200);

        String newPassword = "another long password 2026";
        ApiResponse changed = cloud.withToken(changing).post("/auth/password",
                json(Map.of("currentPassword", PASSWORD, "newPassword", newPassword)));
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);

        assertRefusedWithinTheBound(() -> notifications(cloud, elsewhere));
        assertThat(notifications(cloud, changing).status()).as("the session that changed it goes on").isEqualTo(200);
        assertThat(notifications(cloud, login(cloud, email, newPassword)).status()).isEqualTo(200);
        assertThat(cloud.anonymous().post("/auth/login", json(Map.of("email", email, "password", PASSWORD))).status())
                .as("the old password is gone").isEqualTo(401);
    }

    @Test
    void aRemovedMembershipIsRefusedAtOnce(LocalCloudClient cloud) throws Exception {
        String email = "revoked-member-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        ApiResponse registered = cloud.anonymous().post("/auth/register",
                json(Map.of("email", email, "password", PASSWORD, "invitationCode", IdentityFlowsTest.freshInvitation(cloud))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String userId = registered.json().path("userId").asText();
        String token = login(cloud, email, PASSWORD);
        String unitPath = "/units/" + cloud.cloud().demoData().ids().get("unit.3A");
        assertThat(cloud.withToken(token).get(unitPath).status()).isEqualTo(200);

        // No route removes a membership yet: the test deletes the user's membership items as such a route would.
        try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            String table = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("DomusTable"));
            var memberships = dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :member)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + userId), ":member", AttributeValue.fromS("MEMBER#"))))
                    .items();
            assertThat(memberships).isNotEmpty();
            for (var item : memberships) {
                dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
            }
        }
        ApiResponse refused = cloud.withToken(token).get(unitPath);
        assertThat(refused.status()).as("the very next request").isEqualTo(404);
        // The unit's data (its number, 3A) must not come back; the path's own id may appear, and a ULID can hold "3A".
        assertThat(refused.json().has("number")).as(refused.body()).isFalse();
        assertThat(refused.body()).doesNotContain("\"3A\"");
    }

    private static void assertRefusedWithinTheBound(Supplier<ApiResponse> call) throws InterruptedException {
        long deadline = System.currentTimeMillis() + STALENESS_BOUND_MILLIS;
        ApiResponse last = call.get();
        while (last.status() != 401 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            last = call.get();
        }
        assertThat(last.status()).as("refused within the staleness bound: %s", last.body()).isEqualTo(401);
        assertThat(last.json().path("type").asText()).isEqualTo("https://problems.domus.app/invalid-token");
    }

    private static ApiResponse notifications(LocalCloudClient cloud, String token) {
        return cloud.withToken(token).get("/notifications");
    }

    private static String portalUser(LocalCloudClient cloud) {
        String email = "revocation-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        ApiResponse signedUp = cloud.anonymous().post("/portal/signup", json(Map.of("email", email, "password", PASSWORD, "name", "Rita Revoked")));
        assertThat(signedUp.status()).as(signedUp.body()).isEqualTo(202);
        return email;
    }

    private static String login(LocalCloudClient cloud, String email, String password) {
        ApiResponse login = cloud.anonymous().post("/auth/login", json(Map.of("email", email, "password", password)));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().path("accessToken").asText();
    }
}
