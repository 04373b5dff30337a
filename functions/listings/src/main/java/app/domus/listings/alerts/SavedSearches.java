package app.domus.listings.alerts;

import app.domus.listings.listings.ListingEvents;
import app.domus.listings.search.Scopes;
import app.domus.shared.auth.Caller;
import app.domus.shared.ids.Ids;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Saved searches and their instant alerts (flow 17). A saved search is indexed by its region (a city, or a district of
 * one) and its type (or any type), so a listing published, or whose price dropped, finds its candidates with four index
 * queries (its city and its district, each with its type and with any type) and never reads the others; price and rooms
 * are checked per candidate. Each person is alerted of a listing once, whatever number of their searches match it or
 * however often the event comes: the notifier deduplicates by the request's id, and an {@code ALERTED#} item remembers it.
 */
@Singleton
public class SavedSearches {
    public static final String TEMPLATE = "listing-alert";

    public record SavedSearchView(String savedSearchId, String location, String type, Long priceMin, Long priceMax, Integer rooms,
                                  String frequency, String createdAt) {}

    private final DomusTable table;
    private final NotificationSender notifications;
    private final Clock clock;

    @Inject
    public SavedSearches(DomusTable table, NotificationSender notifications, Clock clock) {
        this.table = table;
        this.notifications = notifications;
        this.clock = clock;
    }

    public SavedSearchView create(Caller caller, SavedSearchRequest request) {
        SavedSearchItem item = new SavedSearchItem();
        item.setId(Ids.newId());
        item.setPk(SavedSearchItem.pk(item.getId()));
        item.setSk(SavedSearchItem.SK);
        item.setUserId(caller.userId());
        item.setCity(request.city());
        item.setDistrict(request.district());
        String type = request.criteria().type() == null ? null : request.criteria().type().toLowerCase(Locale.ROOT);
        item.setPropertyType(type);
        item.setPriceMin(request.criteria().priceMin());
        item.setPriceMax(request.criteria().priceMax());
        item.setRooms(request.criteria().rooms());
        item.setFrequency(request.alertSettings().frequency());
        item.setCreatedAt(clock.instant().toString());
        String scope = item.getDistrict() == null ? Scopes.city(item.getCity()) : Scopes.district(item.getCity(), item.getDistrict());
        item.setGsi1pk(SavedSearchItem.matchKey(scope, type));
        item.setGsi1sk("SAVEDSEARCH#" + item.getId());
        item.setGsi2pk("USER#" + caller.userId() + "#SAVEDSEARCHES");
        item.setGsi2sk(item.getCreatedAt());
        table.of(SavedSearchItem.class).putItem(item);
        return view(item);
    }

    /** The alerts of a listing just published, or cheaper: returns the people alerted now. */
    public List<String> alert(ListingEvents.Snapshot listing) {
        Map<String, SavedSearchItem> byPerson = new LinkedHashMap<>();
        for (SavedSearchItem candidate : candidates(listing)) {
            if (matches(candidate, listing)) byPerson.putIfAbsent(candidate.getUserId(), candidate);
        }
        List<String> alerted = new ArrayList<>();
        for (SavedSearchItem search : byPerson.values()) {
            if (table.get(AlertedItem.class, AlertedItem.pk(search.getUserId()), AlertedItem.sk(listing.listingId())).isPresent()) continue;
            notifications.send(new NotificationRequest("listing-alert:" + search.getUserId() + ":" + listing.listingId(),
                    search.getUserId(), null, Category.LISTINGS, TEMPLATE, data(listing)));
            AlertedItem done = new AlertedItem();
            done.setPk(AlertedItem.pk(search.getUserId()));
            done.setSk(AlertedItem.sk(listing.listingId()));
            done.setSavedSearchId(search.getId());
            done.setAlertedAt(clock.instant().toString());
            try {
                table.of(AlertedItem.class).putItem(done);
            } catch (ConditionalCheckFailedException e) {
                // another delivery got here first; the notifier keeps the message to one by its id
            }
            alerted.add(search.getUserId());
        }
        return alerted;
    }

    private List<SavedSearchItem> candidates(ListingEvents.Snapshot listing) {
        List<String> scopes = new ArrayList<>(List.of(Scopes.city(listing.city())));
        if (listing.district() != null) scopes.add(Scopes.district(listing.city(), listing.district()));
        List<SavedSearchItem> candidates = new ArrayList<>();
        for (String scope : scopes) {
            for (String type : new String[] {listing.propertyType(), null}) {
                candidates.addAll(table.allInIndex(SavedSearchItem.class, TableItem.GSI1, SavedSearchItem.matchKey(scope, type)));
            }
        }
        return candidates;
    }

    static boolean matches(SavedSearchItem search, ListingEvents.Snapshot listing) {
        return (search.getPriceMin() == null || listing.priceMinor() >= search.getPriceMin())
                && (search.getPriceMax() == null || listing.priceMinor() <= search.getPriceMax())
                && (search.getRooms() == null || (listing.rooms() != null && listing.rooms() >= search.getRooms()));
    }

    private static Map<String, String> data(ListingEvents.Snapshot listing) {
        int digits = Math.max(0, Currency.getInstance(listing.currency()).getDefaultFractionDigits());
        String price = BigDecimal.valueOf(listing.priceMinor()).movePointLeft(digits).toPlainString() + " " + listing.currency();
        return Map.of("type", listing.propertyType(), "place", listing.district() == null ? listing.city() : listing.district() + ", " + listing.city(),
                "price", price, "offer", listing.offer(), "rooms", listing.rooms() == null ? "?" : listing.rooms().toString(),
                "listingId", listing.listingId());
    }

    private static SavedSearchView view(SavedSearchItem s) {
        return new SavedSearchView(s.getId(), s.getDistrict() == null ? s.getCity() : s.getCity() + "/" + s.getDistrict(),
                s.getPropertyType(), s.getPriceMin(), s.getPriceMax(), s.getRooms(), s.getFrequency(), s.getCreatedAt());
    }
}
