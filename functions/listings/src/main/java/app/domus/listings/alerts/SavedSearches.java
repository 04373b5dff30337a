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
import app.domus.shared.http.ApiException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Saved searches and their alerts (flow 17), instant or in a daily digest. A saved search is indexed by its region (a city, or a district of
 * one) and its type (or any type), so a listing published, or whose price dropped, finds its candidates with four index
 * queries (its city and its district, each with its type and with any type) and never reads the others; price and rooms
 * are checked per candidate. Each person is alerted of a listing once, whatever number of their searches match it or
 * however often the event comes: the notifier deduplicates by the request's id, and an {@code ALERTED#} item remembers it.
 * A person's instant search, if one matches, alerts at once; otherwise the match is put, with the {@code ALERTED#} item
 * in one transaction, in the day's digest of their daily search ({@link DigestEntryItem}), which {@link #sendDigests}
 * e-mails the next day, one message per saved search. Every alert carries a one-click unsubscribe link: a random token
 * kept only as its SHA-256 ({@link UnsubscribeTokenItem}); unsubscribing takes the search out of the match index.
 */
@Singleton
public class SavedSearches {
    public static final String TEMPLATE = "listing-alert";
    public static final String DIGEST_TEMPLATE = "listing-digest";
    public static final String INSTANT = "instant";
    public static final String DAILY = "daily";
    public static final int UNSUBSCRIBE_LINK_DAYS = 180;
    private static final Logger LOG = LoggerFactory.getLogger(SavedSearches.class);

    /** A daily run: the saved searches with matches that day, the digests sent and those that failed. */
    public record DigestRun(String day, int searches, int sent, int failed) {}

    public record Unsubscribed(String savedSearchId, String unsubscribedAt) {}

    public record SavedSearchView(String savedSearchId, String location, String type, Long priceMin, Long priceMax, Integer rooms,
                                  String frequency, String createdAt, String unsubscribedAt) {}

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

    /** The alerts of a listing just published, or cheaper: returns the people alerted now or put in a digest. */
    public List<String> alert(ListingEvents.Snapshot listing) {
        Map<String, SavedSearchItem> byPerson = new LinkedHashMap<>();
        for (SavedSearchItem candidate : candidates(listing)) {
            if (!matches(candidate, listing)) continue;
            SavedSearchItem chosen = byPerson.get(candidate.getUserId());
            if (chosen == null || (DAILY.equals(chosen.getFrequency()) && !DAILY.equals(candidate.getFrequency()))) {
                byPerson.put(candidate.getUserId(), candidate);
            }
        }
        List<String> alerted = new ArrayList<>();
        for (SavedSearchItem search : byPerson.values()) {
            if (table.get(AlertedItem.class, AlertedItem.pk(search.getUserId()), AlertedItem.sk(listing.listingId())).isPresent()) continue;
            boolean done = DAILY.equals(search.getFrequency()) ? collect(search, listing) : alertNow(search, listing);
            if (done) alerted.add(search.getUserId());
        }
        return alerted;
    }

    private boolean alertNow(SavedSearchItem search, ListingEvents.Snapshot listing) {
        Map<String, String> data = new LinkedHashMap<>(data(listing));
        data.putAll(unsubscribeLink(search.getId()));
        notifications.send(new NotificationRequest("listing-alert:" + search.getUserId() + ":" + listing.listingId(),
                search.getUserId(), null, Category.LISTINGS, TEMPLATE, data));
        try {
            table.of(AlertedItem.class).putItem(alerted(search, listing));
        } catch (ConditionalCheckFailedException e) {
            // another delivery got here first; the notifier keeps the message to one by its id
        }
        return true;
    }

    /** Puts the match in the day's digest of the search, with the ALERTED item: once per person and listing. */
    private boolean collect(SavedSearchItem search, ListingEvents.Snapshot listing) {
        Instant now = clock.instant();
        String day = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
        DigestEntryItem entry = new DigestEntryItem();
        entry.setPk(SavedSearchItem.pk(search.getId()));
        entry.setSk(DigestEntryItem.sk(day, listing.listingId()));
        entry.setGsi1pk(DigestEntryItem.dayKey(day));
        entry.setGsi1sk("SAVEDSEARCH#" + search.getId() + "#" + listing.listingId());
        entry.setSavedSearchId(search.getId());
        entry.setUserId(search.getUserId());
        entry.setListingId(listing.listingId());
        entry.setDay(day);
        entry.setLine(line(listing));
        entry.setMatchedAt(now.toString());
        entry.setTtl(now.plus(Duration.ofDays(7)).getEpochSecond());
        try {
            table.client().transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                    .addPutItem(table.of(AlertedItem.class), alerted(search, listing))
                    .addPutItem(table.of(DigestEntryItem.class), entry)
                    .build());
            return true;
        } catch (TransactionCanceledException e) {
            return false; // already alerted of, or already in the digest
        }
    }

    /**
     * The digests of {@code day}: one e-mail per daily saved search with all its matches of the day. A search
     * unsubscribed since is skipped, and so is one whose digest of the day went out ({@link DigestSentItem}, put after
     * sending): a run again sends nothing. The request's id is the search's and the day's; a run cut short between the
     * send and that mark sends it again with another unsubscribe token, which the notifier refuses (the person has one
     * e-mail; that message is dead-lettered).
     */
    public DigestRun sendDigests(LocalDate day) {
        Map<String, List<DigestEntryItem>> bySearch = new LinkedHashMap<>();
        for (DigestEntryItem entry : table.allInIndex(DigestEntryItem.class, TableItem.GSI1, DigestEntryItem.dayKey(day.toString()))) {
            bySearch.computeIfAbsent(entry.getSavedSearchId(), k -> new ArrayList<>()).add(entry);
        }
        int sent = 0;
        int failed = 0;
        for (Map.Entry<String, List<DigestEntryItem>> digest : bySearch.entrySet()) {
            try {
                var search = table.get(SavedSearchItem.class, SavedSearchItem.pk(digest.getKey()), SavedSearchItem.SK);
                if (search.isEmpty() || search.get().getUnsubscribedAt() != null) continue;
                if (table.get(DigestSentItem.class, SavedSearchItem.pk(digest.getKey()), DigestSentItem.sk(day.toString())).isPresent()) continue;
                List<DigestEntryItem> entries = digest.getValue();
                Map<String, String> data = new LinkedHashMap<>();
                data.put("count", Integer.toString(entries.size()));
                data.put("day", day.toString());
                data.put("search", location(search.get()));
                data.put("listings", String.join("\n", entries.stream().map(DigestEntryItem::getLine).toList()));
                data.put("listingIds", String.join(",", entries.stream().map(DigestEntryItem::getListingId).toList()));
                data.putAll(unsubscribeLink(digest.getKey()));
                notifications.send(new NotificationRequest("listing-digest:" + digest.getKey() + ":" + day, search.get().getUserId(), null,
                        Category.LISTINGS, DIGEST_TEMPLATE, data));
                markSent(digest.getKey(), day);
                sent++;
            } catch (RuntimeException e) {
                LOG.error("The digest of saved search {} for {} was not sent", digest.getKey(), day, e);
                failed++;
            }
        }
        return new DigestRun(day.toString(), bySearch.size(), sent, failed);
    }

    private void markSent(String savedSearchId, LocalDate day) {
        Instant now = clock.instant();
        DigestSentItem done = new DigestSentItem();
        done.setPk(SavedSearchItem.pk(savedSearchId));
        done.setSk(DigestSentItem.sk(day.toString()));
        done.setSentAt(now.toString());
        done.setTtl(now.plus(Duration.ofDays(7)).getEpochSecond());
        try {
            table.of(DigestSentItem.class).putItem(done);
        } catch (ConditionalCheckFailedException e) {
            // a run at the same time sent it too; the notifier delivers its id once
        }
    }

    /**
     * The one-click unsubscribe ({@code GET /saved-searches/{id}/unsubscribe?token=}): a token of one of the search's alert
     * e-mails stops its alerts; again, it answers the same. An unknown token is 404, whoever asks.
     */
    public Unsubscribed unsubscribe(String savedSearchId, String token) {
        if (token == null || token.isBlank() || token.length() > 100) throw ApiException.notFound("Unsubscribe link");
        table.get(UnsubscribeTokenItem.class, SavedSearchItem.pk(savedSearchId), UnsubscribeTokenItem.sk(sha256(token)))
                .orElseThrow(() -> ApiException.notFound("Unsubscribe link"));
        SavedSearchItem search = table.get(SavedSearchItem.class, SavedSearchItem.pk(savedSearchId), SavedSearchItem.SK)
                .orElseThrow(() -> ApiException.notFound("Unsubscribe link"));
        if (search.getUnsubscribedAt() == null) {
            search.setUnsubscribedAt(clock.instant().toString());
            search.setGsi1pk(null); // out of the match index: no listing finds it again
            search.setGsi1sk(null);
            try {
                table.of(SavedSearchItem.class).updateItem(search);
            } catch (ConditionalCheckFailedException e) {
                throw ApiException.conflict("The saved search changed at the same moment; open the link again");
            }
        }
        return new Unsubscribed(savedSearchId, search.getUnsubscribedAt());
    }

    /** A new unsubscribe token for an alert e-mail; only its hash is kept. */
    private Map<String, String> unsubscribeLink(String savedSearchId) {
        String token = Ids.secret(24);
        Instant now = clock.instant();
        UnsubscribeTokenItem item = new UnsubscribeTokenItem();
        item.setPk(SavedSearchItem.pk(savedSearchId));
        item.setSk(UnsubscribeTokenItem.sk(sha256(token)));
        item.setIssuedAt(now.toString());
        item.setTtl(now.plus(Duration.ofDays(UNSUBSCRIBE_LINK_DAYS)).getEpochSecond());
        table.of(UnsubscribeTokenItem.class).putItem(item);
        return Map.of("savedSearchId", savedSearchId, "unsubscribeToken", token,
                "unsubscribeUrl", "/saved-searches/" + savedSearchId + "/unsubscribe?token=" + token);
    }

    private AlertedItem alerted(SavedSearchItem search, ListingEvents.Snapshot listing) {
        AlertedItem done = new AlertedItem();
        done.setPk(AlertedItem.pk(search.getUserId()));
        done.setSk(AlertedItem.sk(listing.listingId()));
        done.setSavedSearchId(search.getId());
        done.setAlertedAt(clock.instant().toString());
        return done;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        return Map.of("type", listing.propertyType(), "place", place(listing), "price", price(listing), "offer", listing.offer(),
                "rooms", listing.rooms() == null ? "?" : listing.rooms().toString(), "listingId", listing.listingId());
    }

    /** A digest's line for a listing: what the instant alert says, on one line, with its link. */
    private static String line(ListingEvents.Snapshot listing) {
        return "- " + listing.propertyType() + " for " + listing.offer() + " in " + place(listing) + ", "
                + (listing.rooms() == null ? "?" : listing.rooms()) + " rooms, " + price(listing) + ": /listings/" + listing.listingId();
    }

    private static String place(ListingEvents.Snapshot listing) {
        return listing.district() == null ? listing.city() : listing.district() + ", " + listing.city();
    }

    private static String price(ListingEvents.Snapshot listing) {
        int digits = Math.max(0, Currency.getInstance(listing.currency()).getDefaultFractionDigits());
        return BigDecimal.valueOf(listing.priceMinor()).movePointLeft(digits).toPlainString() + " " + listing.currency();
    }

    private static String location(SavedSearchItem s) {
        return s.getDistrict() == null ? s.getCity() : s.getCity() + "/" + s.getDistrict();
    }

    private static SavedSearchView view(SavedSearchItem s) {
        return new SavedSearchView(s.getId(), location(s), s.getPropertyType(), s.getPriceMin(), s.getPriceMax(), s.getRooms(),
                s.getFrequency(), s.getCreatedAt(), s.getUnsubscribedAt());
    }
}
