package app.domus.faults.queries;

import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Whose faults a person sees in lists, from all their memberships: every fault of the organisations they
 * administer, and of the buildings they manage or live in. A technician's role alone shows only the faults
 * assigned to them.
 *
 * @param adminOrganisations organisations the person administers
 * @param buildings          buildings whose faults they see, sorted (including every building of those organisations)
 * @param memberBuildings    buildings they manage or live in, outside the organisations they administer
 */
record Visibility(Set<String> adminOrganisations, List<String> buildings, Set<String> memberBuildings) {

    static Visibility of(List<MembershipItem> memberships, DomusTable table) {
        Set<String> admin = memberships.stream().filter(m -> m.roleValue() == Role.ORG_ADMIN)
                .map(MembershipItem::getOrganisationId).collect(Collectors.toCollection(TreeSet::new));
        Set<String> member = memberships.stream()
                .filter(m -> m.roleValue() == Role.MANAGER || m.roleValue() == Role.OWNER || m.roleValue() == Role.TENANT)
                .filter(m -> !admin.contains(m.getOrganisationId()))
                .map(MembershipItem::getBuildingId).collect(Collectors.toCollection(TreeSet::new));
        Set<String> all = new TreeSet<>(member);
        for (String org : admin) {
            table.allInIndex(BuildingItem.class, TableItem.GSI1, BuildingItem.byOrganisation(org))
                    .forEach(b -> all.add(b.getId()));
        }
        return new Visibility(admin, new ArrayList<>(all), member);
    }

    boolean seesBuilding(BuildingItem building) {
        return adminOrganisations.contains(building.getOrganisationId()) || memberBuildings.contains(building.getId());
    }

    boolean seesAnyBuilding() {
        return !buildings.isEmpty();
    }

    /** Keeps the faults of the buildings this person sees (for someone else's assigned faults, which span buildings). */
    Expression filter() {
        List<String> clauses = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        clauses.add(in("organisationId", ":o", adminOrganisations, values));
        clauses.add(in("buildingId", ":b", memberBuildings, values));
        clauses.removeIf(String::isEmpty);
        return Expression.builder().expression(String.join(" OR ", clauses)).expressionValues(values).build();
    }

    private static String in(String attribute, String prefix, Set<String> ids, Map<String, AttributeValue> values) {
        if (ids.isEmpty()) return "";
        List<String> names = new ArrayList<>();
        for (String id : ids) {
            String name = prefix + names.size();
            names.add(name);
            values.put(name, AttributeValue.fromS(id));
        }
        return attribute + " IN (" + String.join(", ", names) + ")";
    }
}
