package app.domus.listings.inquiries;

import app.domus.listings.agencies.Agencies;
import app.domus.listings.agencies.AgencyItem;
import app.domus.listings.agencies.RealtorItem;
import app.domus.listings.listings.ListingItem;
import app.domus.listings.listings.ListingService;
import app.domus.listings.listings.ListingStats;
import app.domus.shared.auth.Caller;
import app.domus.shared.events.Outbox;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.Page;
import app.domus.shared.persistence.TableItem;
import app.domus.shared.ratelimit.RateLimiter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Inquiries of flow 18: a signed-in person asks about a published listing (at most {@value #PER_HOUR} an hour, counted
 * by the kernel's rate limiter across all instances), its agency's realtors answer. Each inquiry and each answer is one
 * transaction with its event ({@code InquirySent}, {@code InquiryResponded}); the e-mails to the other side are sent
 * by the {@code InquiryNotifications} consumer of those events. The inquirer and the listing agency's realtors see an
 * inquiry; anyone else gets 404. Only a caller whose token says their e-mail address is verified may inquire (403
 * {@code email-not-verified} otherwise), so every inquiry a realtor gets can be answered.
 *
 * <p>Lists, newest first, each page one query (no scan, no filter): a person's own inquiries (gsi2
 * {@code USER#<id>#INQUIRIES}), an agency's (gsi1 {@code AGENCY#<id>}, sort keys {@code INQUIRY#...}), a realtor's
 * listings' (the entries' gsi1 {@code REALTOR#<id>#INQUIRIES}) and one listing's (the entries under {@code LISTING#<id>}).
 */
@Singleton
public class Inquiries {
    public static final int PER_HOUR = 5;

    public record Response(String responseId, String responderId, String message, String respondedAt) {}

    public record InquiryView(String inquiryId, String listingId, String agencyId, String inquirerId, String message,
                              List<String> preferredViewingTimes, String status, String createdAt, String respondedAt,
                              List<Response> responses) {}

    private final DomusTable table;
    private final ListingService listings;
    private final Agencies agencies;
    private final ListingStats stats;
    private final RateLimiter rateLimiter;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public Inquiries(DomusTable table, ListingService listings, Agencies agencies, ListingStats stats, RateLimiter rateLimiter,
                     Outbox outbox, Clock clock) {
        this.table = table;
        this.listings = listings;
        this.agencies = agencies;
        this.stats = stats;
        this.rateLimiter = rateLimiter;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One inquiry in a list: what it is about, who asked, its status. */
    public record InquirySummary(String inquiryId, String listingId, String agencyId, String inquirerId, String message,
                                 String status, String createdAt, String respondedAt) {}

    /** Whose inquiries a list shows: the caller's own, or those on the caller's listings (an admin: the agency's). */
    public enum Scope { MINE, LISTINGS }

    public InquiryView create(Caller caller, InquiryRequests.CreateInquiry request) {
        if (!caller.emailVerified()) {
            throw new ApiException(ProblemType.EMAIL_NOT_VERIFIED, "Confirm your e-mail address with the link we sent you, then sign in"
                    + " again; POST /auth/verify-email/resend sends a new link");
        }
        var decision = rateLimiter.hit("inquiries#" + caller.userId(), PER_HOUR, Duration.ofHours(1));
        if (!decision.allowed()) {
            throw ApiException.tooManyRequests(ProblemType.TOO_MANY_REQUESTS,
                    "At most " + PER_HOUR + " inquiries an hour; try again later", decision.retryAfter());
        }
        ListingItem listing = listings.published(request.listingId());
        String now = clock.instant().toString();
        InquiryItem inquiry = new InquiryItem();
        inquiry.setId(Ids.newId());
        inquiry.setPk(InquiryItem.pk(inquiry.getId()));
        inquiry.setSk(InquiryItem.SK);
        inquiry.setGsi1pk(AgencyItem.pk(listing.getAgencyId()));
        inquiry.setGsi1sk("INQUIRY#" + now + "#" + inquiry.getId());
        inquiry.setGsi2pk("USER#" + caller.userId() + "#INQUIRIES");
        inquiry.setGsi2sk(now + "#" + inquiry.getId());
        inquiry.setListingId(listing.getId());
        inquiry.setAgencyId(listing.getAgencyId());
        inquiry.setRealtorId(listing.getRealtorId());
        inquiry.setInquirerId(caller.userId());
        inquiry.setMessage(request.message().strip());
        inquiry.setPreferredViewingTimes(request.viewingTimes());
        inquiry.setStatus(InquiryItem.SENT);
        inquiry.setCreatedAt(now);
        var transaction = TransactWriteItemsEnhancedRequest.builder().addPutItem(table.of(InquiryItem.class), inquiry)
                .addPutItem(table.of(InquiryEntryItem.class), InquiryEntryItem.of(inquiry));
        outbox.add(transaction, InquiryEvents.SENT, listing.getAgencyId(), inquiry.getId(), new InquiryEvents.Sent(inquiry.getId(),
                listing.getId(), listing.getAgencyId(), listing.getRealtorId(), caller.userId(), place(listing), inquiry.getMessage(),
                inquiry.getPreferredViewingTimes(), now));
        table.client().transactWriteItems(transaction.build());
        inquiry.setVersion(1L);
        stats.inquired(listing.getId());
        return view(inquiry, List.of());
    }

    public Response respond(Caller caller, String inquiryId, InquiryRequests.Respond request) {
        InquiryItem inquiry = visible(caller, inquiryId);
        if (!ofAgency(caller, inquiry)) throw ApiException.forbidden("Only the listing agency's realtors answer an inquiry");
        ListingItem listing = listings.find(inquiry.getListingId()).orElseThrow(() -> ApiException.notFound("Listing"));
        String now = clock.instant().toString();
        InquiryResponseItem response = new InquiryResponseItem();
        response.setId(Ids.newId());
        response.setPk(InquiryItem.pk(inquiryId));
        response.setSk(InquiryResponseItem.sk(now, response.getId()));
        response.setResponderId(caller.userId());
        response.setMessage(request.message().strip());
        response.setRespondedAt(now);
        inquiry.setStatus(InquiryItem.RESPONDED);
        inquiry.setRespondedAt(now);
        var transaction = TransactWriteItemsEnhancedRequest.builder()
                .addUpdateItem(table.of(InquiryItem.class), inquiry)
                .addPutItem(table.of(InquiryResponseItem.class), response);
        // Inquiries sent before the lists existed have no entry; those that do get the new status in this transaction.
        table.get(InquiryEntryItem.class, ListingItem.pk(inquiry.getListingId()), InquiryEntryItem.sk(inquiry.getCreatedAt(), inquiryId))
                .ifPresent(entry -> {
                    entry.setStatus(InquiryItem.RESPONDED);
                    entry.setRespondedAt(now);
                    transaction.addUpdateItem(table.of(InquiryEntryItem.class), entry);
                });
        outbox.add(transaction, InquiryEvents.RESPONDED, inquiry.getAgencyId(), inquiryId, new InquiryEvents.Responded(inquiryId,
                response.getId(), inquiry.getListingId(), inquiry.getAgencyId(), caller.userId(), inquiry.getInquirerId(), place(listing),
                response.getMessage(), now));
        try {
            table.client().transactWriteItems(transaction.build());
        } catch (TransactionCanceledException e) {
            throw ApiException.conflict("The inquiry was answered at the same moment; read it and answer again");
        }
        return new Response(response.getId(), response.getResponderId(), response.getMessage(), response.getRespondedAt());
    }

    public InquiryView get(Caller caller, String inquiryId) {
        InquiryItem inquiry = visible(caller, inquiryId);
        List<Response> responses = table.all(InquiryResponseItem.class, InquiryItem.pk(inquiryId), InquiryResponseItem.SK_PREFIX).stream()
                .map(r -> new Response(r.getId(), r.getResponderId(), r.getMessage(), r.getRespondedAt())).toList();
        return view(inquiry, responses);
    }

    /**
     * A page of inquiries, newest first. With {@code listingId}: that listing's, to a realtor of its agency (404 to anyone
     * else). Else by {@code scope} (default: {@code LISTINGS} for a realtor, {@code MINE} for anyone else): the caller's
     * own, or those on the caller's listings (an agency admin: all the agency's); {@code LISTINGS} is 403 to a non-realtor.
     */
    public Page<InquirySummary> list(Caller caller, String listingId, Scope scope, int limit, String cursor) {
        Optional<RealtorItem> realtor = agencies.membership(caller.userId());
        if (listingId != null) {
            ListingItem listing = listings.find(listingId)
                    .filter(l -> realtor.map(m -> m.getAgencyId().equals(l.getAgencyId())).orElse(false))
                    .orElseThrow(() -> ApiException.notFound("Listing"));
            return table.page(InquiryEntryItem.class, ListingItem.pk(listing.getId()), InquiryEntryItem.SK_PREFIX, limit, cursor, true)
                    .map(Inquiries::summary);
        }
        Scope effective = scope != null ? scope : realtor.isPresent() ? Scope.LISTINGS : Scope.MINE;
        if (effective == Scope.MINE) {
            return table.indexPage(InquiryItem.class, TableItem.GSI2, "USER#" + caller.userId() + "#INQUIRIES", null, limit, cursor, true)
                    .map(Inquiries::summary);
        }
        RealtorItem member = realtor.orElseThrow(() -> ApiException.forbidden("Only realtors see inquiries on listings; scope=mine shows yours"));
        if (member.isAdmin()) {
            return table.indexPage(InquiryItem.class, TableItem.GSI1, AgencyItem.pk(member.getAgencyId()), "INQUIRY#", limit, cursor, true)
                    .map(Inquiries::summary);
        }
        return table.indexPage(InquiryEntryItem.class, TableItem.GSI1, InquiryEntryItem.byRealtor(caller.userId()), null, limit, cursor, true)
                .map(Inquiries::summary);
    }

    private static InquirySummary summary(InquiryItem i) {
        return new InquirySummary(i.getId(), i.getListingId(), i.getAgencyId(), i.getInquirerId(), i.getMessage(), i.getStatus(),
                i.getCreatedAt(), i.getRespondedAt());
    }

    private static InquirySummary summary(InquiryEntryItem e) {
        return new InquirySummary(e.getInquiryId(), e.getListingId(), e.getAgencyId(), e.getInquirerId(), e.getMessage(), e.getStatus(),
                e.getCreatedAt(), e.getRespondedAt());
    }

    /** The inquiry if the caller is its inquirer or a realtor of the listing's agency; 404 to anyone else. */
    private InquiryItem visible(Caller caller, String inquiryId) {
        InquiryItem inquiry = table.get(InquiryItem.class, InquiryItem.pk(inquiryId), InquiryItem.SK)
                .orElseThrow(() -> ApiException.notFound("Inquiry"));
        if (caller.userId().equals(inquiry.getInquirerId()) || ofAgency(caller, inquiry)) return inquiry;
        throw ApiException.notFound("Inquiry");
    }

    private boolean ofAgency(Caller caller, InquiryItem inquiry) {
        return agencies.membership(caller.userId()).map(m -> m.getAgencyId().equals(inquiry.getAgencyId())).orElse(false);
    }

    private static String place(ListingItem listing) {
        return listing.getDistrict() == null ? listing.getCity() : listing.getDistrict() + ", " + listing.getCity();
    }

    private static InquiryView view(InquiryItem i, List<Response> responses) {
        return new InquiryView(i.getId(), i.getListingId(), i.getAgencyId(), i.getInquirerId(), i.getMessage(),
                i.getPreferredViewingTimes() == null ? List.of() : i.getPreferredViewingTimes(), i.getStatus(), i.getCreatedAt(),
                i.getRespondedAt(), responses);
    }
}
