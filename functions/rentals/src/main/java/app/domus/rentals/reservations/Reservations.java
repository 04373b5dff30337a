package app.domus.rentals.reservations;

import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.http.ApiException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;

/**
 * Reservations as people see them. The building's managers (and the organisation's admins) book directly and read
 * every stay of its units; the unit's owners read them; anyone else of the organisation gets 403, outsiders 404.
 */
@Singleton
public class Reservations {
    public record View(String reservationId, String unitId, String buildingId, String channel, String channelId,
                       String channelReservationId, String status, String checkIn, String checkOut, String guestName,
                       String guestEmail, String guestPhone, Integer guests, List<String> overlapsWith, String createdAt,
                       String updatedAt, String cancelledAt) {
        static View of(ReservationItem r) {
            return new View(r.getId(), r.getUnitId(), r.getBuildingId(), r.getChannel(), r.getChannelId(), r.getChannelReservationId(),
                    r.getStatus(), r.getCheckIn(), r.getCheckOut(), r.getGuestName(), r.getGuestEmail(), r.getGuestPhone(), r.getGuests(),
                    r.getOverlapsWith() == null ? List.of() : r.getOverlapsWith(), r.getCreatedAt(), r.getUpdatedAt(), r.getCancelledAt());
        }
    }

    public record ListView(List<View> items) {}

    private final AccessService access;
    private final ReservationBook book;

    @Inject
    public Reservations(AccessService access, ReservationBook book) {
        this.access = access;
        this.book = book;
    }

    public View book(Caller caller, String unitId, ReservationRequests.Book request) {
        UnitItem unit = managed(caller, unitId);
        ReservationItem created = book.book(unit, new ReservationBook.Booking("direct", false, LocalDate.parse(request.checkIn()),
                LocalDate.parse(request.checkOut()), request.guestName().strip(), request.guestEmail(), request.guestPhone(), request.guests()));
        return View.of(created);
    }

    public ListView list(Caller caller, String unitId) {
        readable(caller, unitId);
        return new ListView(book.stays(unitId).stream().map(View::of).toList());
    }

    public View get(Caller caller, String reservationId) {
        ReservationItem r = book.find(reservationId).orElseThrow(() -> ApiException.notFound("The reservation"));
        try {
            readable(caller, r.getUnitId());
        } catch (ApiException e) {
            if (e.type() == app.domus.shared.http.ProblemType.NOT_FOUND) throw ApiException.notFound("The reservation");
            throw e;
        }
        return View.of(r);
    }

    /** Cancels a direct booking, by the building's managers; a channel's booking is cancelled on its channel (409). */
    public View cancel(Caller caller, String reservationId) {
        for (int attempt = 0; attempt < 3; attempt++) {
            ReservationItem r = book.find(reservationId).orElseThrow(() -> ApiException.notFound("The reservation"));
            try {
                managed(caller, r.getUnitId());
            } catch (ApiException e) {
                if (e.type() == app.domus.shared.http.ProblemType.NOT_FOUND) throw ApiException.notFound("The reservation");
                throw e;
            }
            if (!"direct".equals(r.getChannel())) {
                throw ApiException.conflict("A booking from " + r.getChannel() + " is cancelled on its channel; the next sync applies it");
            }
            try {
                return View.of(book.cancelDirect(r));
            } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
                // Changed between read and write (a sync, another cancellation): read again.
            }
        }
        throw ApiException.conflict("The reservation kept changing; try again");
    }

    /** The unit, when the caller manages its building (a manager of it, or an admin of the organisation). */
    public UnitItem managed(Caller caller, String unitId) {
        return access.unit(caller, unitId, Action.MANAGE);
    }

    /** The unit, when the caller manages its building or owns it; 403 to its tenants and technicians. */
    public UnitItem readable(Caller caller, String unitId) {
        UnitItem unit = access.unit(caller, unitId, Action.READ);
        List<MembershipItem> mine = access.memberships(caller.userId(), unit.getOrganisationId());
        boolean allowed = mine.stream().anyMatch(m -> m.roleValue() == Role.ORG_ADMIN
                || m.roleValue() == Role.MANAGER && unit.getBuildingId().equals(m.getBuildingId())
                || m.roleValue() == Role.OWNER && unit.getId().equals(m.getUnitId()));
        if (!allowed) throw ApiException.forbidden("Only the building's managers and the unit's owners see its reservations");
        return unit;
    }
}
