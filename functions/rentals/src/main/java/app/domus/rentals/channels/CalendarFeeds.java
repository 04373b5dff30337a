package app.domus.rentals.channels;

import app.domus.rentals.reservations.ReservationBook;
import app.domus.rentals.reservations.ReservationItem;
import app.domus.rentals.reservations.Reservations;
import app.domus.shared.auth.Caller;
import app.domus.shared.http.ApiException;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Uid;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The unit's own calendar as an iCal feed (made with ical4j), for the channels that import one: each confirmed stay a
 * VEVENT of whole days ({@code DTSTART}/{@code DTEND} dates, check-out exclusive), its UID the reservation's, no guest
 * data. The address carries a token of 32 random bytes, kept as its SHA-256; a manager makes a new one, which ends the
 * old.
 */
public class CalendarFeeds {
    public record Feed(String unitId, String url, String token) {}

    private final DomusTable table;
    private final Reservations reservations;
    private final ReservationBook book;
    private final Clock clock;
    private final String publicBaseUrl;

    public CalendarFeeds(DomusTable table, Reservations reservations, ReservationBook book, Clock clock, String publicBaseUrl) {
        this.table = table;
        this.reservations = reservations;
        this.book = book;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
    }

    public Feed newToken(Caller caller, String unitId) {
        reservations.managed(caller, unitId);
        String token = Ids.secret(32);
        CalendarFeedItem item = table.get(CalendarFeedItem.class, ChannelItem.pk(unitId), CalendarFeedItem.SK).orElseGet(CalendarFeedItem::new);
        item.setPk(ChannelItem.pk(unitId));
        item.setSk(CalendarFeedItem.SK);
        item.setUnitId(unitId);
        item.setTokenHash(DigestUtils.sha256Hex(token));
        item.setCreatedAt(clock.instant().toString());
        if (item.getVersion() == null) table.of(CalendarFeedItem.class).putItem(item);
        else table.of(CalendarFeedItem.class).updateItem(item);
        return new Feed(unitId, publicBaseUrl + "/units/" + unitId + "/calendar.ics?token=" + token, token);
    }

    /** The feed's text, for the right token; 404 for any other (no hint whether the unit exists). */
    public String feed(String unitId, String token) {
        CalendarFeedItem item = table.get(CalendarFeedItem.class, ChannelItem.pk(unitId), CalendarFeedItem.SK).orElse(null);
        if (item == null || token == null || !MessageDigest.isEqual(item.getTokenHash().getBytes(StandardCharsets.US_ASCII),
                DigestUtils.sha256Hex(token).getBytes(StandardCharsets.US_ASCII))) {
            throw ApiException.notFound("The calendar");
        }
        Calendar calendar = new Calendar();
        calendar.withProdId("-//Domus//Rentals 1.0//EN").withDefaults();
        for (ReservationItem r : book.stays(unitId)) {
            if (!ReservationItem.CONFIRMED.equals(r.getStatus())) continue;
            VEvent event = new VEvent(LocalDate.parse(r.getCheckIn()), LocalDate.parse(r.getCheckOut()), "Reserved");
            event.add(new Uid(r.getId() + "@domus"));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }
}
