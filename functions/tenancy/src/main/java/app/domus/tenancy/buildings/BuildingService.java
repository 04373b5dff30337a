package app.domus.tenancy.buildings;

import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.events.Outbox;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.Cursor;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.Page;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Creates, lists and changes buildings. */
@Singleton
public class BuildingService {
    private final DomusTable table;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public BuildingService(DomusTable table, Outbox outbox, Clock clock) {
        this.table = table;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Event payload of {@code BuildingCreated}. */
    public record BuildingCreated(String organisationId, String buildingId) {}

    public BuildingItem create(String organisationId, CreateBuildingRequest request) {
        BuildingItem building = BuildingItem.of(Ids.newId(), organisationId, request.name().strip(), clock.instant().toString());
        apply(building, request.address());
        var transaction = TransactWriteItemsEnhancedRequest.builder().addPutItem(table.of(BuildingItem.class), building);
        outbox.add(transaction, "BuildingCreated", organisationId, building.getId(), new BuildingCreated(organisationId, building.getId()));
        table.client().transactWriteItems(transaction.build());
        return building;
    }

    /**
     * One page of the organisation's buildings that these memberships (the caller's, in that organisation)
     * may see: all of them for an organisation admin, otherwise the buildings the caller belongs to. Both
     * ways page by building id with the same cursor shape, the organisation's building index key.
     */
    public Page<BuildingItem> list(String organisationId, List<MembershipItem> memberships, int limit, String cursor) {
        String partition = BuildingItem.byOrganisation(organisationId);
        if (memberships.stream().anyMatch(m -> m.roleValue() == Role.ORG_ADMIN)) {
            return table.indexPage(BuildingItem.class, TableItem.GSI1, partition, null, limit, cursor);
        }
        Map<String, AttributeValue> after = Cursor.decode(cursor, TableItem.GSI1 + "pk", partition);
        AttributeValue lastId = after == null ? AttributeValue.fromS("") : after.get(TableItem.GSI1 + "sk");
        if (lastId == null) throw new ApiException(ProblemType.INVALID_CURSOR, "Start again from the first page");
        String afterId = lastId.s();
        List<String> ids = memberships.stream().map(MembershipItem::getBuildingId).filter(Objects::nonNull)
                .filter(id -> id.compareTo(afterId) > 0).distinct().sorted().toList();
        List<BuildingItem> items = ids.stream().limit(limit)
                .map(id -> table.get(BuildingItem.class, BuildingItem.pk(id), "PROFILE").orElse(null))
                .filter(Objects::nonNull).toList();
        String next = ids.size() <= limit ? null : Cursor.encode(Map.of(
                "gsi1pk", AttributeValue.fromS(partition), "gsi1sk", AttributeValue.fromS(ids.get(limit - 1)),
                "pk", AttributeValue.fromS(BuildingItem.pk(ids.get(limit - 1))), "sk", AttributeValue.fromS("PROFILE")));
        return new Page<>(items, next);
    }

    /**
     * Applies the change to the building as the caller read it. With {@code If-Match} the caller's version
     * must be the stored one (412 otherwise); without it, the write still refuses to overwrite a concurrent
     * change it has not seen (409).
     */
    public BuildingItem update(BuildingItem current, Optional<Long> ifMatch, UpdateBuildingRequest request) {
        if (ifMatch.isPresent() && !ifMatch.get().equals(current.getVersion())) throw stale();
        if (request.name() != null) current.setName(request.name().strip());
        if (request.address() != null) apply(current, request.address());
        try {
            return table.of(BuildingItem.class).updateItem(current);
        } catch (ConditionalCheckFailedException e) {
            if (ifMatch.isPresent()) throw stale();
            throw ApiException.conflict("The building was changed by someone else at the same time; read it again and retry");
        }
    }

    private static void apply(BuildingItem building, AddressInput address) {
        building.setStreet(address.street().strip());
        building.setCity(address.city().strip());
        building.setPostalCode(address.postalCode().strip());
        building.setCountry(address.country());
    }

    private static ApiException stale() {
        return new ApiException(ProblemType.PRECONDITION_FAILED, "The building has changed since you read it; read it again");
    }
}
