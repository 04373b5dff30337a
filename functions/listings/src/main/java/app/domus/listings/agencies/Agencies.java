package app.domus.listings.agencies;

import app.domus.shared.auth.Caller;
import app.domus.shared.directory.EmailItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Agencies and their realtors. Whoever creates an agency is its admin (and may list for it); the admin adds realtors by
 * the e-mail of their account. A person belongs to one agency at most. Anyone else signed in is a portal user, who may
 * not create listings.
 */
@Singleton
public class Agencies {
    public record AgencyView(String agencyId, String name, String createdBy, String createdAt) {}

    public record RealtorView(String agencyId, String userId, String role, String addedAt) {}

    private final DomusTable table;
    private final Clock clock;

    @Inject
    public Agencies(DomusTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    public AgencyView create(Caller caller, AgencyRequests.CreateAgency request) {
        String now = clock.instant().toString();
        AgencyItem agency = new AgencyItem();
        agency.setId(Ids.newId());
        agency.setPk(AgencyItem.pk(agency.getId()));
        agency.setSk(AgencyItem.SK);
        agency.setName(request.name().strip());
        agency.setCreatedBy(caller.userId());
        agency.setCreatedAt(now);
        RealtorItem admin = membership(caller.userId(), agency.getId(), RealtorItem.ADMIN, caller.userId(), now);
        try {
            table.client().transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                    .addPutItem(table.of(AgencyItem.class), agency)
                    .addPutItem(table.of(RealtorItem.class), admin)
                    .build());
        } catch (TransactionCanceledException e) {
            throw alreadyMember();
        }
        return new AgencyView(agency.getId(), agency.getName(), agency.getCreatedBy(), agency.getCreatedAt());
    }

    public RealtorView addRealtor(Caller caller, String agencyId, AgencyRequests.AddRealtor request) {
        RealtorItem admin = membership(caller.userId()).filter(m -> m.getAgencyId().equals(agencyId))
                .orElseThrow(() -> ApiException.notFound("Agency"));
        if (!admin.isAdmin()) throw ApiException.forbidden("Only the agency's admin adds realtors");
        String userId = table.get(EmailItem.class, EmailItem.pk(request.email()), EmailItem.SK).map(EmailItem::getUserId)
                .orElseThrow(() -> new ApiException(ProblemType.UNPROCESSABLE, "No account has this e-mail address; the realtor signs up first"));
        RealtorItem realtor = membership(userId, agencyId, RealtorItem.REALTOR, caller.userId(), clock.instant().toString());
        try {
            table.of(RealtorItem.class).putItem(realtor);
        } catch (ConditionalCheckFailedException e) {
            throw alreadyMember();
        }
        return new RealtorView(agencyId, userId, realtor.getRole(), realtor.getAddedAt());
    }

    /** The agency the person lists for, if any. */
    public Optional<RealtorItem> membership(String userId) {
        return table.get(RealtorItem.class, RealtorItem.pk(userId), RealtorItem.SK);
    }

    /** The caller's membership, or 403: portal users do not list properties. */
    public RealtorItem requireRealtor(Caller caller) {
        return membership(caller.userId())
                .orElseThrow(() -> ApiException.forbidden("Only realtors of an agency may create listings"));
    }

    private static RealtorItem membership(String userId, String agencyId, String role, String addedBy, String at) {
        RealtorItem item = new RealtorItem();
        item.setPk(RealtorItem.pk(userId));
        item.setSk(RealtorItem.SK);
        item.setGsi1pk(AgencyItem.pk(agencyId));
        item.setGsi1sk("REALTOR#" + userId);
        item.setUserId(userId);
        item.setAgencyId(agencyId);
        item.setRole(role);
        item.setAddedBy(addedBy);
        item.setAddedAt(at);
        return item;
    }

    private static ApiException alreadyMember() {
        return ApiException.conflict("This person already belongs to an agency");
    }

}
