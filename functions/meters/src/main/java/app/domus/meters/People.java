package app.domus.meters;

import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** Who hears about meters: a building's managers, a unit's owners and tenants, and how places are named in messages. */
@Singleton
public class People {
    private final DomusTable table;
    private final app.domus.shared.access.AccessService access;

    @Inject
    public People(DomusTable table, app.domus.shared.access.AccessService access) {
        this.table = table;
        this.access = access;
    }

    public List<String> managersOf(String buildingId) {
        return access.membersOf(buildingId, Role.MANAGER).stream().map(MembershipItem::getUserId).distinct().sorted().toList();
    }

    /** The unit's owners and tenants: who submits its readings. */
    public List<String> residentsOf(String buildingId, String unitId) {
        return java.util.stream.Stream.of(Role.OWNER, Role.TENANT).flatMap(role -> access.membersOf(buildingId, role).stream())
                .filter(m -> unitId.equals(m.getUnitId())).map(MembershipItem::getUserId).distinct().sorted().toList();
    }

    public String buildingName(String buildingId) {
        return table.get(BuildingItem.class, BuildingItem.pk(buildingId), "PROFILE").map(BuildingItem::getName).orElse("your building");
    }

    /** "unit 12" or "common meter". */
    public String placeOf(String unitId) {
        if (unitId == null) return "common meter";
        return table.get(UnitItem.class, UnitItem.pk(unitId), "PROFILE").map(u -> "unit " + u.getNumber()).orElse("a unit");
    }

}
