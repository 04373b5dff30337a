package app.domus.calendar.feed;

import app.domus.calendar.connect.Connections;
import app.domus.calendar.events.CalendarBook;
import app.domus.calendar.events.CalendarEventItem;
import app.domus.shared.auth.Caller;
import app.domus.shared.http.ApiException;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Uid;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * A person's read-only iCal feed (made with ical4j) for any calendar app: every confirmed entry of their Domus calendar
 * as a VEVENT (whole days as {@code DATE} values, end exclusive; timed ones in UTC), its UID the entry's. The address
 * carries a token of 32 random bytes, kept as its SHA-256; a new feed revokes the person's earlier ones, and revoking
 * deletes it. A wrong token, or a revoked feed, is 404.
 */
public class IcalFeeds {
    public record Feed(String feedId, String url, String createdAt) {}

    private final DomusTable table;
    private final CalendarBook book;
    private final Clock clock;
    private final String publicBaseUrl;

    public IcalFeeds(DomusTable table, CalendarBook book, Clock clock, String publicBaseUrl) {
        this.table = table;
        this.book = book;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
    }

    public Feed create(Caller caller) {
        for (IcalFeedItem earlier : table.allInIndex(IcalFeedItem.class, TableItem.GSI1, IcalFeedItem.byUser(caller.userId()))) {
            table.of(IcalFeedItem.class).deleteItem(Key.builder().partitionValue(earlier.getPk()).sortValue(earlier.getSk()).build());
        }
        String feedId = Ids.newId();
        String token = Ids.secret(32);
        IcalFeedItem item = new IcalFeedItem();
        item.setPk(IcalFeedItem.pk(feedId));
        item.setSk(IcalFeedItem.SK);
        item.setGsi1pk(IcalFeedItem.byUser(caller.userId()));
        item.setGsi1sk("FEED#" + feedId);
        item.setFeedId(feedId);
        item.setUserId(caller.userId());
        item.setTokenHash(Connections.sha256(token));
        item.setCreatedAt(clock.instant().toString());
        table.of(IcalFeedItem.class).putItem(item);
        return new Feed(feedId, publicBaseUrl + "/calendar/feeds/" + feedId + "/calendar.ics?token=" + token, item.getCreatedAt());
    }

    /** Revokes the caller's feed; another person's, or an unknown one, is 404. */
    public void revoke(Caller caller, String feedId) {
        IcalFeedItem item = table.get(IcalFeedItem.class, IcalFeedItem.pk(feedId), IcalFeedItem.SK).orElse(null);
        if (item == null || !item.getUserId().equals(caller.userId())) throw ApiException.notFound("The feed");
        table.of(IcalFeedItem.class).deleteItem(Key.builder().partitionValue(item.getPk()).sortValue(item.getSk()).build());
    }

    public String feed(String feedId, String token) {
        IcalFeedItem item = table.get(IcalFeedItem.class, IcalFeedItem.pk(feedId), IcalFeedItem.SK).orElse(null);
        if (item == null || token == null || !MessageDigest.isEqual(item.getTokenHash().getBytes(StandardCharsets.US_ASCII),
                Connections.sha256(token).getBytes(StandardCharsets.US_ASCII))) {
            throw ApiException.notFound("The feed");
        }
        Calendar calendar = new Calendar();
        calendar.withProdId("-//Domus//Calendar 1.0//EN").withDefaults();
        for (CalendarEventItem entry : book.entries(item.getUserId())) {
            if (!CalendarEventItem.CONFIRMED.equals(entry.getStatus()) || entry.getStart() == null || entry.getEnd() == null) continue;
            VEvent event = entry.allDay()
                    ? new VEvent(LocalDate.parse(entry.getStart()), LocalDate.parse(entry.getEnd()), entry.getTitle())
                    : new VEvent(Instant.parse(entry.getStart()), Instant.parse(entry.getEnd()), entry.getTitle());
            event.add(new Uid(entry.getEventId() + "@domus"));
            if (entry.getDescription() != null && !entry.getDescription().isBlank()) event.add(new Description(entry.getDescription()));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
