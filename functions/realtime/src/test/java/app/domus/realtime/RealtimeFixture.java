package app.domus.realtime;

import app.domus.realtime.connections.ConnectionStore;
import app.domus.realtime.connections.SubscriptionItem;
import app.domus.shared.testing.MutableClock;
import app.domus.realtime.topics.TopicItem;
import app.domus.realtime.topics.Topics;
import app.domus.shared.access.AccessService;
import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.ids.Ids;
import app.domus.shared.json.Json;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.TestPlatform;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * Fresh tables in DynamoDB Local with the realtime services on a test clock, and a small world: building A1 of
 * organisation A with a manager, an owner and a tenant, building A2 with its own manager, organisation B's admin
 * as the outsider, and the topic {@code vote:VOTE1} of building A1.
 */
public final class RealtimeFixture {
    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    public final MutableClock clock = new MutableClock(START);
    public final PlatformConfig config = TestPlatform.config();
    public final DomusTable table = new DomusTable(LocalDynamo.enhanced(), config);
    public final AccessService access = new AccessService(table, clock);
    public final ConnectionStore connections = new ConnectionStore(table, clock);
    public final Topics topics = new Topics(table);

    public final String orgA = Ids.newId();
    public final String orgB = Ids.newId();
    public final BuildingItem buildingA1 = building(orgA);
    public final BuildingItem buildingA2 = building(orgA);
    public final String manager = member(orgA, Role.MANAGER, buildingA1.getId(), null);
    public final String owner = member(orgA, Role.OWNER, buildingA1.getId(), "UNIT1");
    public final String tenant = member(orgA, Role.TENANT, buildingA1.getId(), "UNIT2");
    public final String managerOfA2 = member(orgA, Role.MANAGER, buildingA2.getId(), null);
    public final String outsider = member(orgB, Role.ORG_ADMIN, null, null);
    public final TopicItem voteTopic = topic("vote:VOTE1", buildingA1);

    public BuildingItem building(String orgId) {
        BuildingItem building = BuildingItem.of(Ids.newId(), orgId, "Building", START.toString());
        table.of(BuildingItem.class).putItem(building);
        return building;
    }

    public String member(String orgId, Role role, String buildingId, String unitId) {
        String userId = Ids.newId();
        table.of(MembershipItem.class).putItem(MembershipItem.of(userId, orgId, role, buildingId, unitId, START.toString()));
        return userId;
    }

    public TopicItem topic(String name, BuildingItem building) {
        TopicItem topic = TopicItem.of(name, building.getOrganisationId(), building.getId(), START.toString());
        table.of(TopicItem.class).putItem(topic);
        return topic;
    }

    public List<SubscriptionItem> subscriptionsOf(String topic) {
        return table.allInIndex(SubscriptionItem.class, TableItem.GSI1, SubscriptionItem.byTopic(topic));
    }

    /** Every item in the table: what a refused message must leave unchanged. */
    public int itemCount() {
        return LocalDynamo.client().scan(b -> b.tableName(config.tableName())).count();
    }

    public static JsonNode body(APIGatewayV2WebSocketResponse response) {
        return Json.tree(response.getBody());
    }
}
