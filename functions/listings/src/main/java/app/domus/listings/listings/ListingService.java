package app.domus.listings.listings;

import app.domus.listings.agencies.Agencies;
import app.domus.listings.agencies.AgencyItem;
import app.domus.listings.agencies.RealtorItem;
import app.domus.listings.photos.ListingPhotoItem;
import app.domus.listings.photos.ListingPhotos;
import app.domus.listings.photos.MediaStore;
import app.domus.listings.photos.Thumbnails;
import app.domus.shared.auth.Caller;
import app.domus.shared.events.Outbox;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Listings of flow 16: a realtor creates a draft (with photos from uploads), edits it (a price change is recorded, with
 * the price before, as a {@link PriceChangeItem} and in {@code ListingUpdated}), publishes and withdraws it. Each change
 * and its event are one transaction at the listing's version read. Any realtor of the listing's agency may change it;
 * a published listing is visible to everyone signed in, a draft or a withdrawn one to its agency only (404 to others).
 */
@Singleton
public class ListingService {
    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";
    public static final String WITHDRAWN = "withdrawn";
    private static final Logger LOG = LoggerFactory.getLogger(ListingService.class);

    private final DomusTable table;
    private final Agencies agencies;
    private final ListingPhotos photos;
    private final MediaStore media;
    private final Outbox outbox;
    private final ListingStats stats;
    private final Clock clock;

    @Inject
    public ListingService(DomusTable table, Agencies agencies, ListingPhotos photos, MediaStore media, Outbox outbox, ListingStats stats,
                          Clock clock) {
        this.table = table;
        this.stats = stats;
        this.agencies = agencies;
        this.photos = photos;
        this.media = media;
        this.outbox = outbox;
        this.clock = clock;
    }

    public ListingView create(Caller caller, ListingRequests.CreateListing request) {
        RealtorItem realtor = agencies.requireRealtor(caller);
        List<ListingPhotos.Checked> checked = photos.check(caller.userId(), request.uploadIds(), i -> "photos." + i + ".uploadId");
        ListingItem listing = newListing(realtor.getAgencyId(), caller.userId(), request, DRAFT);
        List<ListingPhotoItem> photoItems = photos.copy(listing.getId(), checked, 1);
        var transaction = TransactWriteItemsEnhancedRequest.builder().addPutItem(table.of(ListingItem.class), listing);
        photos.addTo(transaction, checked, photoItems);
        outbox.add(transaction, ListingEvents.CREATED, listing.getAgencyId(), listing.getId(), ListingEvents.Snapshot.of(listing));
        write(transaction, photoItems);
        listing.setVersion(1L);
        return view(listing, photoItems, List.of());
    }

    /** A new listing of the agency's (not yet stored). */
    private ListingItem newListing(String agencyId, String realtorId, ListingRequests.CreateListing request, String status) {
        String now = clock.instant().toString();
        ListingItem listing = new ListingItem();
        listing.setId(Ids.newId());
        listing.setPk(ListingItem.pk(listing.getId()));
        listing.setSk(ListingItem.SK);
        listing.setGsi1pk(AgencyItem.pk(agencyId));
        listing.setGsi1sk("LISTING#" + now + "#" + listing.getId());
        listing.setAgencyId(agencyId);
        listing.setRealtorId(realtorId);
        listing.setStatus(status);
        apply(listing, request.property());
        listing.setDescription(request.description() == null ? null : request.description().strip());
        apply(listing, request.pricing());
        listing.setCreatedAt(now);
        listing.setUpdatedAt(now);
        return listing;
    }

    /**
     * The listing; its agency's realtors also see its analytics, and a read of a published listing by anyone else counts
     * as a view.
     */
    public ListingView get(Caller caller, String listingId) {
        ListingItem listing = visible(caller, listingId);
        ListingView view = view(listing, photos.of(listingId), priceHistory(listingId));
        if (ofAgency(caller, listing)) return view.withAnalytics(stats.of(listingId));
        stats.viewed(listingId);
        return view;
    }

    /** A published listing, for an inquiry about it (404 otherwise: a draft or withdrawn listing is not on the portal). */
    public ListingItem published(String listingId) {
        return find(listingId).filter(l -> PUBLISHED.equals(l.getStatus())).orElseThrow(() -> ApiException.notFound("Listing"));
    }

    public ListingView update(Caller caller, String listingId, ListingRequests.UpdateListing request, Optional<Long> ifMatch) {
        ListingItem listing = editable(caller, listingId, ifMatch);
        if (!change(listing, caller.userId(), request, ifMatch, transaction -> {})) return get(caller, listingId);
        return view(listing, photos.of(listingId), priceHistory(listingId));
    }

    /**
     * A listing imported from a CRM (flow 21): created as {@link #create} creates one, for the agency and by the person who
     * set the import up, with its photos already downloaded ({@link ListingPhotos#store}), as a draft or published at once
     * (then {@code ListingCreated} and {@code ListingPublished} in the one transaction). {@code alsoWrite} adds the
     * importer's items (its mapping, the run's record) to the listing's transaction.
     */
    public String createImported(String agencyId, String realtorId, ListingRequests.CreateListing request, List<byte[]> photoBytes,
                                 boolean publish, java.util.function.BiConsumer<TransactWriteItemsEnhancedRequest.Builder, String> alsoWrite) {
        ListingItem listing = newListing(agencyId, realtorId, request, publish ? PUBLISHED : DRAFT);
        if (publish) listing.setPublishedAt(listing.getCreatedAt());
        List<ListingPhotoItem> photoItems = photos.store(listing.getId(), photoBytes, 1);
        var transaction = TransactWriteItemsEnhancedRequest.builder().addPutItem(table.of(ListingItem.class), listing);
        photoItems.forEach(photo -> transaction.addPutItem(table.of(ListingPhotoItem.class), photo));
        outbox.add(transaction, ListingEvents.CREATED, agencyId, listing.getId(), ListingEvents.Snapshot.of(listing));
        if (publish) outbox.add(transaction, ListingEvents.PUBLISHED, agencyId, listing.getId(), ListingEvents.Snapshot.of(listing));
        alsoWrite.accept(transaction, listing.getId());
        write(transaction, photoItems);
        return listing.getId();
    }

    /**
     * An imported listing changed in its CRM: the request's changes applied as {@code PATCH} applies them, with
     * {@code ListingUpdated}; {@code alsoWrite} joins the transaction whether or not the listing changed (a withdrawn
     * listing is left as it is), told whether the listing changed. False when nothing of the listing changed.
     */
    public boolean updateImported(String listingId, String actorId, ListingRequests.UpdateListing request,
                                  java.util.function.BiConsumer<TransactWriteItemsEnhancedRequest.Builder, Boolean> alsoWrite) {
        ListingItem listing = find(listingId).orElseThrow(() -> ApiException.notFound("Listing"));
        if (!WITHDRAWN.equals(listing.getStatus()) && change(listing, actorId, request, Optional.empty(), t -> alsoWrite.accept(t, true))) return true;
        var transaction = TransactWriteItemsEnhancedRequest.builder();
        alsoWrite.accept(transaction, false);
        table.client().transactWriteItems(transaction.build());
        return false;
    }

    /** Applies the changes and writes them with their event; false (nothing written) when nothing changed. */
    private boolean change(ListingItem listing, String actorId, ListingRequests.UpdateListing request, Optional<Long> ifMatch,
                           java.util.function.Consumer<TransactWriteItemsEnhancedRequest.Builder> alsoWrite) {
        String listingId = listing.getId();
        if (WITHDRAWN.equals(listing.getStatus())) throw new ApiException(ProblemType.INVALID_STATE, "A withdrawn listing cannot be changed");
        long priceBefore = listing.getPriceMinor();
        String currencyBefore = listing.getCurrency();
        List<String> changes = new ArrayList<>();
        if (request.property() != null) {
            ListingItem before = copyOfSearchable(listing);
            apply(listing, request.property());
            if (!Objects.equals(before.getPropertyType(), listing.getPropertyType())) changes.add("type");
            if (!Objects.equals(before.getGeohash(), listing.getGeohash()) || !Objects.equals(before.getCity(), listing.getCity())
                    || !Objects.equals(before.getDistrict(), listing.getDistrict()) || !Objects.equals(before.getStreet(), listing.getStreet())
                    || !Objects.equals(before.getPostcode(), listing.getPostcode())) changes.add("address");
            if (!Objects.equals(before.getRooms(), listing.getRooms())) changes.add("rooms");
            if (!Objects.equals(before.getAreaSqm(), listing.getAreaSqm())) changes.add("areaSqm");
            if (!Objects.equals(before.getFeatures(), listing.getFeatures())) changes.add("features");
        }
        if (request.description() != null && !request.description().strip().equals(listing.getDescription())) {
            listing.setDescription(request.description().strip());
            changes.add("description");
        }
        if (request.pricing() != null) {
            String offerBefore = listing.getOffer();
            apply(listing, request.pricing());
            if (!Objects.equals(offerBefore, listing.getOffer())) changes.add("offer");
        }
        boolean priceChanged = priceBefore != listing.getPriceMinor() || !currencyBefore.equals(listing.getCurrency());
        if (priceChanged) changes.add("price");
        if (changes.isEmpty()) return false;

        String now = clock.instant().toString();
        listing.setUpdatedAt(now);
        long readVersion = listing.getVersion();
        var transaction = TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table.of(ListingItem.class), listing);
        if (priceChanged) {
            PriceChangeItem change = new PriceChangeItem();
            change.setPk(ListingItem.pk(listingId));
            change.setSk(PriceChangeItem.sk(now, readVersion + 1));
            change.setListingId(listingId);
            change.setFromMinor(priceBefore);
            change.setToMinor(listing.getPriceMinor());
            change.setCurrency(listing.getCurrency());
            change.setChangedAt(now);
            change.setChangedBy(actorId);
            transaction.addPutItem(table.of(PriceChangeItem.class), change);
        }
        outbox.add(transaction, ListingEvents.UPDATED, listing.getAgencyId(), listingId, new ListingEvents.Updated(
                ListingEvents.Snapshot.of(listing), changes, priceChanged ? priceBefore : null, priceChanged ? currencyBefore : null));
        alsoWrite.accept(transaction);
        write(transaction, List.of(), ifMatch.isPresent());
        listing.setVersion(readVersion + 1);
        return true;
    }

    public ListingView publish(Caller caller, String listingId) {
        return transition(caller, listingId, DRAFT, PUBLISHED, ListingEvents.PUBLISHED, "Only a draft can be published");
    }

    public ListingView withdraw(Caller caller, String listingId) {
        return transition(caller, listingId, PUBLISHED, WITHDRAWN, ListingEvents.WITHDRAWN, "Only a published listing can be withdrawn");
    }

    public ListingView.Photo addPhoto(Caller caller, String listingId, ListingRequests.AddPhoto request) {
        ListingItem listing = editable(caller, listingId, Optional.empty());
        if (WITHDRAWN.equals(listing.getStatus())) throw new ApiException(ProblemType.INVALID_STATE, "A withdrawn listing takes no photos");
        List<ListingPhotoItem> existing = photos.of(listingId);
        if (existing.size() >= ListingRequests.MAX_PHOTOS) {
            throw new ApiException(ProblemType.UNPROCESSABLE, "A listing has at most " + ListingRequests.MAX_PHOTOS + " photos");
        }
        List<ListingPhotos.Checked> checked = photos.check(caller.userId(), List.of(request.uploadId()), i -> "uploadId");
        int next = existing.stream().mapToInt(ListingPhotoItem::getPosition).max().orElse(0) + 1;
        List<ListingPhotoItem> added = photos.copy(listingId, checked, next);
        listing.setUpdatedAt(clock.instant().toString());
        // The listing's version serialises photos added at the same time (their positions stay distinct).
        var transaction = TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table.of(ListingItem.class), listing);
        photos.addTo(transaction, checked, added);
        outbox.add(transaction, ListingEvents.UPDATED, listing.getAgencyId(), listingId,
                new ListingEvents.Updated(ListingEvents.Snapshot.of(listing), List.of("photos"), null, null));
        write(transaction, added);
        return photoView(added.getFirst());
    }

    private ListingView transition(Caller caller, String listingId, String from, String to, String eventType, String refusal) {
        ListingItem listing = editable(caller, listingId, Optional.empty());
        if (!from.equals(listing.getStatus())) throw new ApiException(ProblemType.INVALID_STATE, refusal);
        String now = clock.instant().toString();
        listing.setStatus(to);
        listing.setUpdatedAt(now);
        if (PUBLISHED.equals(to)) listing.setPublishedAt(now);
        if (WITHDRAWN.equals(to)) listing.setWithdrawnAt(now);
        long readVersion = listing.getVersion();
        var transaction = TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table.of(ListingItem.class), listing);
        outbox.add(transaction, eventType, listing.getAgencyId(), listingId, ListingEvents.Snapshot.of(listing));
        write(transaction, List.of());
        listing.setVersion(readVersion + 1);
        return view(listing, photos.of(listingId), priceHistory(listingId));
    }

    /** The listing if the caller may see it: published to anyone signed in, otherwise to its agency only. */
    private ListingItem visible(Caller caller, String listingId) {
        ListingItem listing = find(listingId).orElseThrow(() -> ApiException.notFound("Listing"));
        if (PUBLISHED.equals(listing.getStatus()) || ofAgency(caller, listing)) return listing;
        throw ApiException.notFound("Listing");
    }

    private ListingItem editable(Caller caller, String listingId, Optional<Long> ifMatch) {
        ListingItem listing = visible(caller, listingId);
        if (!ofAgency(caller, listing)) throw ApiException.forbidden("Only the listing agency's realtors change a listing");
        if (ifMatch.isPresent() && !ifMatch.get().equals(listing.getVersion())) {
            throw new ApiException(ProblemType.PRECONDITION_FAILED, "The listing has changed since you read it");
        }
        return listing;
    }

    private boolean ofAgency(Caller caller, ListingItem listing) {
        return agencies.membership(caller.userId()).map(m -> m.getAgencyId().equals(listing.getAgencyId())).orElse(false);
    }

    /** The listing if the caller's agency owns it: 404 to those who may not see it, 403 to others who may. */
    public ListingItem ownedBy(Caller caller, String listingId) {
        return editable(caller, listingId, Optional.empty());
    }

    /**
     * Adds a feature or tag that the listing's agency accepted from enrichment, with {@code ListingUpdated}; the
     * suggestion's decision goes in the same transaction ({@code alongside}).
     */
    public void addLabel(ListingItem listing, app.domus.listings.enrichment.Vocabulary.Label label,
                         java.util.function.Consumer<TransactWriteItemsEnhancedRequest.Builder> alongside) {
        if (WITHDRAWN.equals(listing.getStatus())) throw new ApiException(ProblemType.INVALID_STATE, "A withdrawn listing cannot be changed");
        boolean feature = label.kind() == app.domus.listings.enrichment.Vocabulary.Kind.FEATURE;
        List<String> values = new ArrayList<>(Objects.requireNonNullElse(feature ? listing.getFeatures() : listing.getTags(), List.of()));
        if (!values.contains(label.value())) values.add(label.value());
        if (feature) listing.setFeatures(values);
        else listing.setTags(values);
        listing.setUpdatedAt(clock.instant().toString());
        var transaction = TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table.of(ListingItem.class), listing);
        alongside.accept(transaction);
        outbox.add(transaction, ListingEvents.UPDATED, listing.getAgencyId(), listing.getId(), new ListingEvents.Updated(
                ListingEvents.Snapshot.of(listing), List.of(feature ? "features" : "tags"), null, null));
        try {
            table.client().transactWriteItems(transaction.build());
        } catch (TransactionCanceledException e) {
            throw ApiException.conflict("The listing or the suggestion changed at the same time; read them and try again");
        }
    }

    public Optional<ListingItem> find(String listingId) {
        return table.get(ListingItem.class, ListingItem.pk(listingId), ListingItem.SK);
    }

    private List<PriceChangeItem> priceHistory(String listingId) {
        return table.all(PriceChangeItem.class, ListingItem.pk(listingId), "PRICE#");
    }

    private void write(TransactWriteItemsEnhancedRequest.Builder transaction, List<ListingPhotoItem> copied) {
        write(transaction, copied, false);
    }

    /** Writes the transaction; if it fails, the originals copied for it are removed (they would be nobody's photos). */
    private void write(TransactWriteItemsEnhancedRequest.Builder transaction, List<ListingPhotoItem> copied, boolean conditional) {
        try {
            table.client().transactWriteItems(transaction.build());
        } catch (RuntimeException e) {
            for (ListingPhotoItem photo : copied) {
                try {
                    media.delete(photo.getOriginalKey());
                } catch (RuntimeException deleteFailed) {
                    LOG.warn("Could not remove the unused photo {}", photo.getOriginalKey(), deleteFailed);
                }
            }
            if (e instanceof TransactionCanceledException cancelled) {
                boolean listingChanged = !cancelled.cancellationReasons().isEmpty()
                        && "ConditionalCheckFailed".equals(cancelled.cancellationReasons().getFirst().code());
                if (listingChanged && conditional) throw new ApiException(ProblemType.PRECONDITION_FAILED, "The listing has changed since you read it");
                if (listingChanged) throw ApiException.conflict("The listing was changed at the same time; read it and try again");
                throw ListingPhotos.takenMeanwhile();
            }
            throw e;
        }
    }

    private static void apply(ListingItem listing, ListingRequests.Property property) {
        if (property.type() != null) listing.setPropertyType(property.type().toLowerCase(Locale.ROOT));
        if (property.address() != null) {
            var address = property.address();
            listing.setStreet(strip(address.street()));
            listing.setPostcode(strip(address.postcode()));
            listing.setCity(address.city().strip());
            listing.setDistrict(strip(address.district()));
            listing.setLatitude(address.latitude());
            listing.setLongitude(address.longitude());
            listing.setGeohash(Geohash.encode(address.latitude(), address.longitude(), Geohash.PRECISION));
        }
        if (property.rooms() != null) listing.setRooms(property.rooms());
        if (property.areaSqm() != null) listing.setAreaSqm(property.areaSqm());
        if (property.features() != null) {
            listing.setFeatures(property.features().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).distinct().toList());
        }
    }

    private static void apply(ListingItem listing, ListingRequests.Pricing pricing) {
        if (pricing.offer() != null) listing.setOffer(pricing.offer().toLowerCase(Locale.ROOT));
        if (pricing.amountMinor() != null) listing.setPriceMinor(pricing.amountMinor());
        if (pricing.currency() != null) listing.setCurrency(pricing.currency());
    }

    private static ListingItem copyOfSearchable(ListingItem l) {
        ListingItem copy = new ListingItem();
        copy.setPropertyType(l.getPropertyType());
        copy.setGeohash(l.getGeohash());
        copy.setCity(l.getCity());
        copy.setDistrict(l.getDistrict());
        copy.setStreet(l.getStreet());
        copy.setPostcode(l.getPostcode());
        copy.setRooms(l.getRooms());
        copy.setAreaSqm(l.getAreaSqm());
        copy.setFeatures(l.getFeatures());
        return copy;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private ListingView view(ListingItem l, List<ListingPhotoItem> photoItems, List<PriceChangeItem> history) {
        return new ListingView(l.getId(), l.getAgencyId(), l.getRealtorId(), l.getStatus(),
                new ListingView.Property(l.getPropertyType(), new ListingView.Address(l.getStreet(), l.getPostcode(), l.getCity(),
                        l.getDistrict(), l.getLatitude(), l.getLongitude(), l.getGeohash()), l.getRooms(), l.getAreaSqm(),
                        l.getFeatures() == null ? List.of() : l.getFeatures()),
                l.getDescription(), l.getTags() == null ? List.of() : l.getTags(), new ListingView.Pricing(l.getOffer(), l.getPriceMinor(), l.getCurrency()),
                photoItems.stream().map(this::photoView).toList(),
                history.stream().map(h -> new ListingView.PriceChange(h.getFromMinor(), h.getToMinor(), h.getCurrency(), h.getChangedAt())).toList(),
                l.getCreatedAt(), l.getUpdatedAt(), l.getPublishedAt(), l.getWithdrawnAt(), l.getVersion(), null);
    }

    private ListingView.Photo photoView(ListingPhotoItem photo) {
        List<ListingView.Thumbnail> thumbnails = new ArrayList<>();
        if (ListingPhotoItem.READY.equals(photo.getStatus()) && photo.getThumbnails() != null) {
            for (int i = 0; i < photo.getThumbnails().size() && i < Thumbnails.WIDTHS.size(); i++) {
                String[] size = photo.getThumbnails().get(i).split("x");
                thumbnails.add(new ListingView.Thumbnail(Integer.parseInt(size[0]), Integer.parseInt(size[1]),
                        photos.thumbnailUrl(photo, Thumbnails.WIDTHS.get(i))));
            }
        }
        return new ListingView.Photo(photo.getPhotoId(), photo.getPosition(), photo.getStatus(), thumbnails);
    }
}
