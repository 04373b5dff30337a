package app.domus.rentals.channels;

import app.domus.rentals.reservations.ReservationBook;
import java.util.List;
import java.util.Map;

/** Reads a channel's bookings. */
public interface ChannelSource {
    /**
     * What the channel says now.
     *
     * @throws ChannelException when it failed or answered wrongly (counted by the channel's circuit breaker, retried)
     */
    Fetched fetch(ChannelItem channel, Map<String, String> credentials);

    /**
     * @param bookings the channel's bookings, confirmed and cancelled
     * @param complete whether they are all the channel has (an iCal feed), so that a known booking missing from them was cancelled
     */
    record Fetched(List<Fetched.Entry> bookings, boolean complete) {
        /** A booking and the channel's name for the reservation (airbnb, booking, ical, ...). */
        public record Entry(String channel, ReservationBook.Booking booking) {}
    }
}
