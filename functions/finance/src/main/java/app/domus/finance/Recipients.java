package app.domus.finance;

import app.domus.shared.access.AccessService;
import app.domus.shared.directory.DelegatedRight;
import app.domus.shared.directory.DelegationItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * Who hears of a unit's invoices: its owners (owner members of the unit) and the delegates those owners gave
 * {@code view_finances} for it (accepted, unexpired), each once.
 */
@Singleton
public class Recipients {
    private final DomusTable table;
    private final AccessService access;
    private final Clock clock;

    @Inject
    public Recipients(DomusTable table, AccessService access, Clock clock) {
        this.table = table;
        this.access = access;
        this.clock = clock;
    }

    public List<String> ofUnit(String buildingId, String unitId) {
        List<String> owners = access.membersOf(buildingId, Role.OWNER).stream().filter(m -> unitId.equals(m.getUnitId()))
                .map(MembershipItem::getUserId).distinct().toList();
        TreeSet<String> people = new TreeSet<>(owners);
        Instant now = clock.instant();
        for (String owner : owners) {
            for (DelegationItem d : table.allInIndex(DelegationItem.class, TableItem.GSI2, DelegationItem.givenBy(owner))) {
                if (unitId.equals(d.getUnitId()) && d.getDelegateId() != null && d.grants(DelegatedRight.VIEW_FINANCES, now)) {
                    people.add(d.getDelegateId());
                }
            }
        }
        return List.copyOf(people);
    }
}
