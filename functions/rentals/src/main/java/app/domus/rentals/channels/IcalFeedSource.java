package app.domus.rentals.channels;

import app.domus.rentals.reservations.ReservationBook;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Status;

/**
 * A host's iCal feed (Airbnb's and Booking.com's export, or any calendar), parsed with ical4j: each VEVENT with a
 * {@code UID} and {@code DTSTART}/{@code DTEND} dates (a date-time's date is taken; no DTEND is one night) is a stay,
 * {@code STATUS:CANCELLED} a cancellation. The feed is the whole calendar, so a UID that was in it and is gone is a
 * cancellation too. The feed's address is the credential (such addresses carry a secret).
 */
public class IcalFeedSource implements ChannelSource {
    private final HttpFetch http;

    public IcalFeedSource() {
        this(new HttpFetch());
    }

    IcalFeedSource(HttpFetch http) {
        this.http = http;
    }

    @Override
    public Fetched fetch(ChannelItem channel, Map<String, String> credentials) {
        String feedUrl = credentials.get("feedUrl");
        if (feedUrl == null) throw new ChannelException("the channel's credentials have no feedUrl");
        return new Fetched(parse(http.get(URI.create(feedUrl), Map.of("Accept", "text/calendar"))), true);
    }

    static List<Fetched.Entry> parse(String text) {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(text));
        } catch (IOException | ParserException e) {
            throw new ChannelException("the feed is not an iCalendar: " + e.getMessage(), e);
        }
        List<Fetched.Entry> entries = new ArrayList<>();
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            String uid = value(event, Property.UID).orElse(null);
            LocalDate start = value(event, Property.DTSTART).map(IcalFeedSource::date).orElse(null);
            if (uid == null || start == null) continue;
            LocalDate end = value(event, Property.DTEND).map(IcalFeedSource::date).orElse(start.plusDays(1));
            if (!end.isAfter(start)) end = start.plusDays(1);
            boolean cancelled = value(event, Property.STATUS).map(s -> s.equalsIgnoreCase(Status.VALUE_CANCELLED)).orElse(false);
            String summary = value(event, Property.SUMMARY).orElse(null);
            entries.add(new Fetched.Entry("ical", new ReservationBook.Booking(uid, cancelled, start, end, summary, null, null, null)));
        }
        return entries;
    }

    private static Optional<String> value(VEvent event, String name) {
        return event.<Property>getProperty(name).map(Property::getValue).filter(v -> !v.isBlank());
    }

    private static LocalDate date(String value) {
        if (value.length() < 8) throw new ChannelException("a date in the feed is not one: " + value);
        try {
            return LocalDate.parse(value.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ChannelException("a date in the feed is not one: " + value, e);
        }
    }
}
