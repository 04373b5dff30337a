package app.domus.realtime;

import app.domus.realtime.connections.ConnectionStore;
import app.domus.realtime.connections.SubscriptionItem;
import app.domus.realtime.topics.Topics;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.Role;
import app.domus.shared.ids.Ids;
import app.domus.shared.json.Json;
import app.domus.shared.live.LiveTopicItem;
import app.domus.shared.persistence.TableItem;
import app.domus.shared.testing.DirectoryWorld;
import app.domus.shared.testing.LocalDynamo;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The directory world (starting at {@link #START}) with the realtime services wired to it, and a small world:
 * building A1 of organisation A with a manager, an owner and a tenant, building A2 with its own manager,
 * organisation B's admin as the outsider, and the topic {@code vote:VOTE1} of building A1.
 */
public final class RealtimeFixture extends DirectoryWorld {
    public final ConnectionStore connections = new ConnectionStore(table, clock);
    public final Topics topics = new Topics(table, LocalDynamo.client());

    public final String orgA = Ids.newId();
    public final String orgB = Ids.newId();
    public final BuildingItem buildingA1 = building(orgA, "Building A1");
    public final BuildingItem buildingA2 = building(orgA, "Building A2");
    public final String manager = member(orgA, Role.MANAGER, buildingA1.getId(), null);
    public final String owner = member(orgA, Role.OWNER, buildingA1.getId(), "UNIT1");
    public final String tenant = member(orgA, Role.TENANT, buildingA1.getId(), "UNIT2");
    public final String managerOfA2 = member(orgA, Role.MANAGER, buildingA2.getId(), null);
    public final String outsider = member(orgB, Role.ORG_ADMIN, null, null);
    public final LiveTopicItem voteTopic = topic("vote:VOTE1", buildingA1);

    /** A new person with this one membership; returns their id. */
    public String member(String orgId, Role role, String buildingId, String unitId) {
        String userId = Ids.newId();
        member(userId, orgId, role, buildingId, unitId);
        return userId;
    }

    /** A topic as the context that sends on it registers it. */
    public LiveTopicItem topic(String name, BuildingItem building) {
        LiveTopicItem topic = LiveTopicItem.of(name, building.getOrganisationId(), building.getId(), START.toString());
        table.of(LiveTopicItem.class).putItem(topic);
        return topic;
    }

    public List<SubscriptionItem> subscriptionsOf(String topic) {
        return table.allInIndex(SubscriptionItem.class, TableItem.GSI1, SubscriptionItem.byTopic(topic));
    }

    public static JsonNode body(APIGatewayV2WebSocketResponse response) {
        return Json.tree(response.getBody());
    }
}
