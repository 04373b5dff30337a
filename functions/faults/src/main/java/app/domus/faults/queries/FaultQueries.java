package app.domus.faults.queries;

import app.domus.faults.FaultItem;
import app.domus.faults.FaultStore;
import app.domus.faults.FaultView;
import app.domus.shared.photos.PhotoFormat;
import app.domus.faults.photos.PhotoStore;
import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.Page;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads faults: one with its photos and history, or pages of those a caller may see. */
@Singleton
public class FaultQueries {
    static final Duration PHOTO_URL_VALIDITY = Duration.ofMinutes(10);

    private final DomusTable table;
    private final AccessService access;
    private final FaultStore faults;
    private final PhotoStore photos;
    private final FaultPager pager;

    @Inject
    public FaultQueries(DomusTable table, AccessService access, FaultStore faults, PhotoStore photos) {
        this.table = table;
        this.access = access;
        this.faults = faults;
        this.photos = photos;
        this.pager = new FaultPager(table);
    }

    public FaultDetail detail(FaultItem fault) {
        List<FaultDetail.Photo> links = new ArrayList<>();
        for (String key : fault.getPhotoKeys() == null ? List.<String>of() : fault.getPhotoKeys()) {
            var url = photos.downloadUrl(key, PHOTO_URL_VALIDITY);
            String type = PhotoFormat.ofStoredKey(key).map(PhotoFormat::contentType).orElse("application/octet-stream");
            links.add(new FaultDetail.Photo(url.url(), type, url.expiresAt().toString()));
        }
        return new FaultDetail(FaultView.of(fault), links,
                faults.history(fault.getId()).stream().map(FaultDetail.Change::of).toList());
    }

    /**
     * One page of the faults the caller may see, narrowed by the filter. By assignee: that person's faults (all
     * of them for themselves, otherwise those in buildings the caller sees). By building: the building's faults,
     * or only the caller's own there if they are its technician. Neither: every building the caller sees, one
     * after the other; someone who sees no building gets the faults assigned to them.
     */
    public Page<FaultView> list(Caller caller, FaultFilter filter, int limit, String cursor) {
        Visibility visibility = Visibility.of(access.memberships(caller.userId()), table);
        Expression inBuilding = filter.buildingId() == null ? null : Expression.builder().expression("buildingId = :building")
                .expressionValues(Map.of(":building", AttributeValue.fromS(filter.buildingId()))).build();
        Page<FaultItem> page;
        if (filter.assigneeId() != null) {
            boolean own = filter.assigneeId().equals(caller.userId());
            if (!own && !visibility.seesAnyBuilding()) throw ApiException.forbidden("You may list only the faults assigned to you");
            page = assignedTo(filter.assigneeId(), filter, both(own ? null : visibility.filter(), inBuilding), limit, cursor);
        } else if (filter.buildingId() != null) {
            BuildingItem building = access.building(caller, filter.buildingId(), Action.READ);
            List<String> partition = List.of(FaultItem.byBuilding(building.getId()));
            page = visibility.seesBuilding(building)
                    ? pager.page(TableItem.GSI1, partition, filter.statusPrefix(), null, limit, cursor)
                    : assignedTo(caller.userId(), filter, inBuilding, limit, cursor);
        } else if (visibility.seesAnyBuilding()) {
            List<String> partitions = visibility.buildings().stream().map(FaultItem::byBuilding).toList();
            page = pager.page(TableItem.GSI1, partitions, filter.statusPrefix(), null, limit, cursor);
        } else {
            page = assignedTo(caller.userId(), filter, null, limit, cursor);
        }
        return page.map(FaultView::of);
    }

    private Page<FaultItem> assignedTo(String userId, FaultFilter filter, Expression condition, int limit, String cursor) {
        return pager.page(TableItem.GSI2, List.of(FaultItem.byAssignee(userId)), filter.statusPrefix(), condition, limit, cursor);
    }

    private static Expression both(Expression a, Expression b) {
        if (a == null) return b;
        if (b == null) return a;
        return Expression.and(List.of(a, b));
    }
}
