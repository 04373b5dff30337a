package app.domus.rentals.reservations;

import app.domus.shared.directory.UnitItem;
import app.domus.shared.events.Outbox;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The unit's book of stays. A channel's booking is applied by (channel connection, the channel's booking id): the
 * {@link ChannelBookingItem} put only where absent says which reservation it became, so applying the same booking again,
 * or from two sync runs at once, changes nothing. Each change is one transaction with its event
 * ({@code ReservationCreated}, {@code ReservationChanged}, {@code ReservationCancelled}) through the outbox.
 *
 * <p>Overlaps: a new or moved confirmed stay is compared with the unit's other confirmed stays (gsi1
 * {@code UNIT#<unitId>#STAYS}); each overlapping pair is flagged on both reservations ({@code overlapsWith}) in the same
 * transaction, with {@code ReservationOverlapDetected}, on which the building's managers are alerted. A cancellation
 * takes the flag off the others.
 */
@Singleton
public class ReservationBook {
    /** Attempts when another writer changed one of the reservations between read and write. */
    static final int ATTEMPTS = 3;

    public enum Outcome { CREATED, CHANGED, CANCELLED, UNCHANGED, IGNORED }

    /** A booking as a channel tells it: its own id, confirmed or cancelled, dates (check-out exclusive), the guest. */
    public record Booking(String externalId, boolean cancelled, LocalDate checkIn, LocalDate checkOut, String guestName,
                          String guestEmail, String guestPhone, Integer guests) {
        public Booking {
            Objects.requireNonNull(externalId, "externalId");
            if (!cancelled && (checkIn == null || checkOut == null || !checkOut.isAfter(checkIn))) {
                throw new IllegalArgumentException("booking " + externalId + ": check-out must come after check-in");
            }
        }
    }

    /** Where bookings come from: the connection's id, and the channel's name stored on the reservation (airbnb, booking, ical, direct). */
    public record Source(String channelId, String channel) {}

    public record Applied(Outcome outcome, ReservationItem reservation) {}

    private final DomusTable table;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public ReservationBook(DomusTable table, Outbox outbox, Clock clock) {
        this.table = table;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Applies one booking of the source to the unit; idempotent. */
    public Applied apply(UnitItem unit, Source source, Booking booking) {
        for (int attempt = 1; ; attempt++) {
            try {
                return applyOnce(unit, source, booking);
            } catch (TransactionCanceledException e) {
                if (attempt >= ATTEMPTS) throw e;
            }
        }
    }

    /** A direct booking (no channel id of its own): always a new reservation. */
    public ReservationItem book(UnitItem unit, Booking booking) {
        return create(unit, new Source(null, "direct"), booking);
    }

    /** The reservations a channel's bookings became (for bookings that vanished from a full feed). */
    public List<ChannelBookingItem> bookingsOf(String channelId) {
        return table.all(ChannelBookingItem.class, ChannelBookingItem.pk(channelId), ChannelBookingItem.SK_PREFIX);
    }

    public Optional<ReservationItem> find(String reservationId) {
        return table.get(ReservationItem.class, ReservationItem.pk(reservationId), ReservationItem.SK);
    }

    /** The unit's stays by arrival, cancelled ones included. */
    public List<ReservationItem> stays(String unitId) {
        return table.allInIndex(ReservationItem.class, TableItem.GSI1, ReservationItem.unitStays(unitId));
    }

    private Applied applyOnce(UnitItem unit, Source source, Booking booking) {
        Optional<ChannelBookingItem> known = table.get(ChannelBookingItem.class, ChannelBookingItem.pk(source.channelId()),
                ChannelBookingItem.sk(booking.externalId()));
        if (known.isEmpty()) {
            if (booking.cancelled()) return new Applied(Outcome.IGNORED, null);
            return new Applied(Outcome.CREATED, create(unit, source, booking));
        }
        ReservationItem reservation = find(known.get().getReservationId()).orElseThrow(() -> new IllegalStateException(
                "channel booking " + booking.externalId() + " names reservation " + known.get().getReservationId() + ", which is missing"));
        if (booking.cancelled()) {
            if (ReservationItem.CANCELLED.equals(reservation.getStatus())) return new Applied(Outcome.UNCHANGED, reservation);
            return new Applied(Outcome.CANCELLED, cancel(reservation));
        }
        List<String> changes = changes(reservation, booking);
        if (changes.isEmpty()) return new Applied(Outcome.UNCHANGED, reservation);
        return new Applied(Outcome.CHANGED, change(reservation, booking, changes));
    }

    private ReservationItem create(UnitItem unit, Source source, Booking booking) {
        String now = clock.instant().toString();
        ReservationItem r = new ReservationItem();
        r.setId(Ids.newId());
        r.setPk(ReservationItem.pk(r.getId()));
        r.setSk(ReservationItem.SK);
        r.setOrganisationId(unit.getOrganisationId());
        r.setBuildingId(unit.getBuildingId());
        r.setUnitId(unit.getId());
        r.setChannel(source.channel());
        r.setChannelId(source.channelId());
        r.setChannelReservationId(source.channelId() == null ? r.getId() : booking.externalId());
        r.setStatus(ReservationItem.CONFIRMED);
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        fill(r, booking);
        var transaction = TransactWriteItemsEnhancedRequest.builder();
        if (source.channelId() != null) {
            ChannelBookingItem mapping = new ChannelBookingItem();
            mapping.setPk(ChannelBookingItem.pk(source.channelId()));
            mapping.setSk(ChannelBookingItem.sk(booking.externalId()));
            mapping.setChannelId(source.channelId());
            mapping.setExternalId(booking.externalId());
            mapping.setReservationId(r.getId());
            mapping.setCreatedAt(now);
            transaction.addPutItem(table.of(ChannelBookingItem.class), mapping);
        }
        List<ReservationItem> overlapping = overlapping(r);
        r.setOverlapsWith(overlapping.isEmpty() ? null : overlapping.stream().map(ReservationItem::getId).toList());
        transaction.addPutItem(table.of(ReservationItem.class), r);
        for (ReservationItem other : overlapping) {
            flag(other, r.getId(), now);
            transaction.addUpdateItem(table.of(ReservationItem.class), other);
        }
        outbox.add(transaction, ReservationEvents.CREATED, r.getOrganisationId(), r.getId(), ReservationEvents.Snapshot.of(r));
        overlapEvent(transaction, r, overlapping);
        table.client().transactWriteItems(transaction.build());
        r.setVersion(1L);
        return r;
    }

    private ReservationItem change(ReservationItem r, Booking booking, List<String> changes) {
        String now = clock.instant().toString();
        Set<String> before = new LinkedHashSet<>(r.getOverlapsWith() == null ? List.of() : r.getOverlapsWith());
        fill(r, booking);
        r.setStatus(ReservationItem.CONFIRMED);
        r.setCancelledAt(null);
        r.setUpdatedAt(now);
        List<ReservationItem> overlapping = overlapping(r);
        Set<String> after = new LinkedHashSet<>(overlapping.stream().map(ReservationItem::getId).toList());
        r.setOverlapsWith(after.isEmpty() ? null : List.copyOf(after));
        var transaction = TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table.of(ReservationItem.class), r);
        for (ReservationItem other : overlapping) {
            if (before.contains(other.getId())) continue;
            flag(other, r.getId(), now);
            transaction.addUpdateItem(table.of(ReservationItem.class), other);
        }
        for (String gone : before) {
            if (after.contains(gone)) continue;
            find(gone).ifPresent(other -> {
                unflag(other, r.getId(), now);
                transaction.addUpdateItem(table.of(ReservationItem.class), other);
            });
        }
        outbox.add(transaction, ReservationEvents.CHANGED, r.getOrganisationId(), r.getId(),
                new ReservationEvents.Changed(ReservationEvents.Snapshot.of(r), changes));
        overlapEvent(transaction, r, overlapping.stream().filter(o -> !before.contains(o.getId())).toList());
        table.client().transactWriteItems(transaction.build());
        return r;
    }

    /**
     * Cancels a direct booking at the version read (a channel's bookings are cancelled by their channel); one already
     * cancelled is answered as it is. A concurrent change makes the caller read again.
     */
    public ReservationItem cancelDirect(ReservationItem r) {
        if (ReservationItem.CANCELLED.equals(r.getStatus())) return r;
        ReservationItem cancelled = cancel(r);
        cancelled.setVersion(cancelled.getVersion() + 1);
        return cancelled;
    }

    private ReservationItem cancel(ReservationItem r) {
        String now = clock.instant().toString();
        List<String> flagged = r.getOverlapsWith() == null ? List.of() : r.getOverlapsWith();
        r.setStatus(ReservationItem.CANCELLED);
        r.setCancelledAt(now);
        r.setUpdatedAt(now);
        r.setOverlapsWith(null);
        var transaction = TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table.of(ReservationItem.class), r);
        for (String otherId : flagged) {
            find(otherId).ifPresent(other -> {
                unflag(other, r.getId(), now);
                transaction.addUpdateItem(table.of(ReservationItem.class), other);
            });
        }
        outbox.add(transaction, ReservationEvents.CANCELLED, r.getOrganisationId(), r.getId(), ReservationEvents.Snapshot.of(r));
        table.client().transactWriteItems(transaction.build());
        return r;
    }

    /** The unit's other confirmed stays whose nights meet this one's (check-out day is free for the next arrival). */
    List<ReservationItem> overlapping(ReservationItem r) {
        LocalDate in = LocalDate.parse(r.getCheckIn());
        LocalDate out = LocalDate.parse(r.getCheckOut());
        List<ReservationItem> found = new ArrayList<>();
        for (ReservationItem other : stays(r.getUnitId())) {
            if (other.getId().equals(r.getId()) || !ReservationItem.CONFIRMED.equals(other.getStatus())) continue;
            if (LocalDate.parse(other.getCheckIn()).isBefore(out) && LocalDate.parse(other.getCheckOut()).isAfter(in)) found.add(other);
        }
        return found;
    }

    private void overlapEvent(TransactWriteItemsEnhancedRequest.Builder transaction, ReservationItem r, List<ReservationItem> overlapping) {
        if (overlapping.isEmpty()) return;
        outbox.add(transaction, ReservationEvents.OVERLAP_DETECTED, r.getOrganisationId(), r.getId(),
                new ReservationEvents.OverlapDetected(ReservationEvents.Snapshot.of(r), overlapping.stream().map(ReservationEvents.Snapshot::of).toList()));
    }

    private static void flag(ReservationItem other, String reservationId, String now) {
        Set<String> ids = new LinkedHashSet<>(other.getOverlapsWith() == null ? List.of() : other.getOverlapsWith());
        ids.add(reservationId);
        other.setOverlapsWith(List.copyOf(ids));
        other.setUpdatedAt(now);
    }

    private static void unflag(ReservationItem other, String reservationId, String now) {
        List<String> ids = other.getOverlapsWith() == null ? List.of()
                : other.getOverlapsWith().stream().filter(id -> !id.equals(reservationId)).toList();
        other.setOverlapsWith(ids.isEmpty() ? null : ids);
        other.setUpdatedAt(now);
    }

    private static void fill(ReservationItem r, Booking booking) {
        r.setCheckIn(booking.checkIn().toString());
        r.setCheckOut(booking.checkOut().toString());
        r.setGsi1pk(ReservationItem.unitStays(r.getUnitId()));
        r.setGsi1sk(r.getCheckIn() + "#" + r.getId());
        r.setGuestName(booking.guestName());
        r.setGuestEmail(booking.guestEmail());
        r.setGuestPhone(booking.guestPhone());
        r.setGuests(booking.guests());
    }

    /** What differs between the stored reservation and the booking as the channel tells it now. */
    static List<String> changes(ReservationItem r, Booking booking) {
        List<String> changes = new ArrayList<>();
        if (!ReservationItem.CONFIRMED.equals(r.getStatus())) changes.add("status");
        if (!booking.checkIn().toString().equals(r.getCheckIn())) changes.add("checkIn");
        if (!booking.checkOut().toString().equals(r.getCheckOut())) changes.add("checkOut");
        if (!Objects.equals(booking.guestName(), r.getGuestName())) changes.add("guestName");
        if (!Objects.equals(booking.guestEmail(), r.getGuestEmail())) changes.add("guestEmail");
        if (!Objects.equals(booking.guestPhone(), r.getGuestPhone())) changes.add("guestPhone");
        if (!Objects.equals(booking.guests(), r.getGuests())) changes.add("guests");
        return changes;
    }
}
