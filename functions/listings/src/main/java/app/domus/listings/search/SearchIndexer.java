package app.domus.listings.search;

import app.domus.listings.listings.ListingItem;
import app.domus.listings.listings.ListingService;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * Keeps the search entries of a listing as the listing is now (read afresh, so events handled in any order or twice
 * leave the same entries): a published listing has one entry per scope (its city, its district, its geohash cell), any
 * other none. The entries and the record of them change in one transaction; then the scopes touched, before and after,
 * are invalidated in the cache.
 */
@Singleton
public class SearchIndexer {
    private final DomusTable table;
    private final ListingService listings;
    private final SearchCache cache;

    @Inject
    public SearchIndexer(DomusTable table, ListingService listings, SearchCache cache) {
        this.table = table;
        this.listings = listings;
        this.cache = cache;
    }

    /** Returns the scopes whose cached pages were invalidated (none when the entries were already right). */
    public Set<String> reindex(String listingId) {
        Optional<ListingItem> listing = listings.find(listingId);
        Optional<IndexedScopesItem> indexed = table.get(IndexedScopesItem.class, ListingItem.pk(listingId), IndexedScopesItem.SK);
        Map<String, SearchEntryItem> wanted = new LinkedHashMap<>();
        listing.filter(l -> ListingService.PUBLISHED.equals(l.getStatus())).ifPresent(l -> {
            for (String scope : Scopes.of(l.getCity(), l.getDistrict(), l.getLatitude(), l.getLongitude())) {
                SearchEntryItem entry = entry(l, scope);
                wanted.put(address(entry), entry);
            }
        });
        List<String> current = indexed.map(IndexedScopesItem::getEntries).orElse(List.of());
        var transaction = TransactWriteItemsEnhancedRequest.builder();
        Set<String> touched = new LinkedHashSet<>();
        boolean changed = false;
        for (String address : current) {
            String[] parts = address.split("\\|", 3);
            touched.add(parts[0]);
            SearchEntryItem existing = table.get(SearchEntryItem.class, SearchEntryItem.pk(parts[0]), parts[1]).orElse(null);
            if (existing == null) continue;
            SearchEntryItem replacement = wanted.remove(address);
            if (replacement == null) {
                transaction.addDeleteItem(table.of(SearchEntryItem.class), Key.builder().partitionValue(existing.getPk()).sortValue(existing.getSk()).build());
                changed = true;
            } else if (!same(existing, replacement)) {
                replacement.setVersion(existing.getVersion());
                transaction.addUpdateItem(table.of(SearchEntryItem.class), replacement);
                changed = true;
            }
        }
        for (SearchEntryItem entry : wanted.values()) {
            transaction.addPutItem(table.of(SearchEntryItem.class), entry);
            touched.add(entry.getPk().substring("LSEARCH#".length()));
            changed = true;
        }
        if (!changed) return Set.of();
        List<String> now = new ArrayList<>();
        listing.filter(l -> ListingService.PUBLISHED.equals(l.getStatus())).ifPresent(l -> {
            for (String scope : Scopes.of(l.getCity(), l.getDistrict(), l.getLatitude(), l.getLongitude())) now.add(address(entry(l, scope)));
        });
        IndexedScopesItem record = indexed.orElseGet(() -> {
            IndexedScopesItem fresh = new IndexedScopesItem();
            fresh.setPk(ListingItem.pk(listingId));
            fresh.setSk(IndexedScopesItem.SK);
            fresh.setListingId(listingId);
            return fresh;
        });
        record.setEntries(now);
        if (indexed.isPresent()) transaction.addUpdateItem(table.of(IndexedScopesItem.class), record);
        else transaction.addPutItem(table.of(IndexedScopesItem.class), record);
        table.client().transactWriteItems(transaction.build());
        cache.invalidate(touched);
        return touched;
    }

    private static SearchEntryItem entry(ListingItem l, String scope) {
        SearchEntryItem e = new SearchEntryItem();
        e.setPk(SearchEntryItem.pk(scope));
        e.setSk(SearchEntryItem.sk(l.getPriceMinor(), l.getId()));
        e.setGsi1pk(e.getPk());
        e.setGsi1sk(SearchEntryItem.byTime(l.getPublishedAt(), l.getId()));
        e.setListingId(l.getId());
        e.setPropertyType(l.getPropertyType());
        e.setOffer(l.getOffer());
        e.setPriceMinor(l.getPriceMinor());
        e.setCurrency(l.getCurrency());
        e.setRooms(l.getRooms());
        e.setAreaSqm(l.getAreaSqm());
        e.setCity(l.getCity());
        e.setDistrict(l.getDistrict());
        e.setLatitude(l.getLatitude());
        e.setLongitude(l.getLongitude());
        e.setPublishedAt(l.getPublishedAt());
        return e;
    }

    private static String address(SearchEntryItem e) {
        return e.getPk().substring("LSEARCH#".length()) + "|" + e.getSk() + "|" + e.getGsi1sk();
    }

    private static boolean same(SearchEntryItem a, SearchEntryItem b) {
        return java.util.Objects.equals(a.getPropertyType(), b.getPropertyType()) && java.util.Objects.equals(a.getOffer(), b.getOffer())
                && java.util.Objects.equals(a.getCurrency(), b.getCurrency()) && java.util.Objects.equals(a.getRooms(), b.getRooms())
                && java.util.Objects.equals(a.getAreaSqm(), b.getAreaSqm()) && java.util.Objects.equals(a.getCity(), b.getCity())
                && java.util.Objects.equals(a.getDistrict(), b.getDistrict()) && java.util.Objects.equals(a.getLatitude(), b.getLatitude())
                && java.util.Objects.equals(a.getLongitude(), b.getLongitude());
    }
}
