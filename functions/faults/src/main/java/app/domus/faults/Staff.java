package app.domus.faults;

import app.domus.shared.access.AccessService;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UserItem;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The people around a building that fault handling needs: its technicians, who to tell, and their names. */
@Singleton
public class Staff {
    private final DomusTable table;
    private final AccessService access;

    @Inject
    public Staff(DomusTable table, AccessService access) {
        this.table = table;
        this.access = access;
    }

    /** The building's technicians, by user id. */
    public List<MembershipItem> techniciansOf(String buildingId) {
        return access.membersOf(buildingId, Role.TECHNICIAN);
    }

    public boolean isTechnicianOf(String organisationId, String buildingId, String userId) {
        return table.get(MembershipItem.class, MembershipItem.pk(userId),
                MembershipItem.skPrefix(organisationId) + Role.TECHNICIAN.name() + "#" + buildingId).isPresent();
    }

    /** Who hears about the building's new faults: its managers, or the organisation's admins if it has none. */
    public List<String> managersOf(String organisationId, String buildingId) {
        List<String> managers = access.membersOf(buildingId, Role.MANAGER).stream().map(MembershipItem::getUserId).distinct().toList();
        if (!managers.isEmpty()) return managers;
        Key members = Key.builder().partitionValue(MembershipItem.byOrganisation(organisationId)).build();
        var admins = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(members))
                .filterExpression(Expression.builder().expression("#role = :admin").putExpressionName("#role", "role")
                        .putExpressionValue(":admin", AttributeValue.fromS(Role.ORG_ADMIN.name())).build())
                .build();
        return table.of(MembershipItem.class).index(TableItem.GSI1).query(admins)
                .stream().flatMap(page -> page.items().stream()).map(MembershipItem::getUserId).distinct().sorted().toList();
    }


    public String nameOf(String userId) {
        return table.get(UserItem.class, UserItem.pk(userId), UserItem.SK).map(UserItem::getDisplayName)
                .filter(name -> !name.isBlank()).orElse("a technician");
    }

    public String buildingName(String buildingId) {
        return table.get(BuildingItem.class, BuildingItem.pk(buildingId), "PROFILE").map(BuildingItem::getName).orElse("your building");
    }
}
