package app.domus.rentals.stays;

import app.domus.rentals.RentalsFixture;
import app.domus.rentals.locks.LockGateway;
import app.domus.rentals.locks.LockResult;
import app.domus.rentals.locks.LockState;
import app.domus.rentals.partners.PartnerException;
import app.domus.rentals.police.GuestRegistration;
import app.domus.rentals.police.PoliceGateway;
import app.domus.rentals.police.SubmissionStatus;
import app.domus.rentals.reservations.ReservationBook;
import app.domus.rentals.reservations.ReservationEvents;
import app.domus.rentals.reservations.ReservationItem;
import app.domus.shared.ratelimit.RateLimiter;
import app.domus.shared.testing.LocalDynamo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The rentals world with the stay saga: unit 1 set up with lock {@code L1} and establishment {@code 0000000001} (check-in
 * 15:00, check-out 11:00, Europe/Madrid), a lock cloud and a police portal in memory that behave as their contracts say
 * (offline locks answer {@code Offline} and change nothing; the portal answers submissions asynchronously, scripted
 * per test), and the ID images in memory.
 */
final class StaysFixture extends RentalsFixture {
    static final String LOCK = "L1";

    final Locks locks = new Locks();
    final Police police = new Police();
    final Documents documents = new Documents();
    final Deque<String> forcedNonces = new ArrayDeque<>();
    final AccessCodes codes = new AccessCodes(() -> "test-key-of-32-bytes-for-hmac-256".getBytes(StandardCharsets.UTF_8),
            nonces());
    final StaySaga saga = new StaySaga(table, outbox, locks, police, documents, codes, notifications, clock, "https://stay.example.test/check-in");
    final Stays stays = new Stays(table, access, reservations, saga, documents, new RateLimiter(LocalDynamo.client(), config, clock), clock);

    StaysFixture() {
        setUp(unit.getId(), LOCK, "0000000001");
    }

    private Supplier<String> nonces() {
        AtomicInteger n = new AtomicInteger();
        return () -> forcedNonces.isEmpty() ? "nonce-" + n.incrementAndGet() + "-" + System.nanoTime() : forcedNonces.pop();
    }

    void setUp(String unitId, String lockId, String establishment) {
        stays.setUp(caller(mia), unitId, new StayRequests.Setup(lockId, establishment, "15:00", "11:00", "Europe/Madrid", "Casa-1",
                "wifi-secret", "Second floor, door on the left"));
    }

    /** A direct booking of unit 1 from {@code checkIn} for {@code nights}, as its ReservationCreated event carries it. */
    ReservationEvents.Snapshot booked(LocalDate checkIn, int nights) {
        ReservationItem r = book.book(unit, new ReservationBook.Booking("direct", false, checkIn, checkIn.plusDays(nights), "Gina Guest",
                "gina@example.test", null, 2));
        return ReservationEvents.Snapshot.of(r);
    }

    ReservationEvents.Snapshot cancelled(ReservationEvents.Snapshot r) {
        return new ReservationEvents.Snapshot(r.reservationId(), r.organisationId(), r.buildingId(), r.unitId(), r.channel(),
                r.channelReservationId(), ReservationItem.CANCELLED, r.checkIn(), r.checkOut(), r.guestName(), r.guestEmail(), r.guests());
    }

    StayItem stay(String reservationId) {
        return saga.find(reservationId).orElseThrow();
    }

    /** The access code the guest was sent, read from the welcome message. */
    String accessCodeSent(String reservationId) {
        return notifications.sent.stream().filter(n -> n.id().equals("stay-welcome:" + reservationId)).findFirst()
                .map(n -> n.data().get("accessCode")).orElseThrow();
    }

    static StayRequests.Guest guest(String nationality) {
        return new StayRequests.Guest("Gina", "Guest", null, "PAS", "X1234567", null, "1990-05-01", nationality, "M", "Main St 1",
                "28001", "Madrid", "ESP", "gina@example.test", null);
    }

    /** A smart-lock cloud in memory, keeping Nuki's contract: offline locks change nothing and say so. */
    static final class Locks implements LockGateway {
        record Code(String authId, String name, String code, Instant from, Instant until) {}

        final Set<String> offline = ConcurrentHashMap.newKeySet();
        final Map<String, Map<String, Code>> codes = new ConcurrentHashMap<>();
        final List<String> calls = new CopyOnWriteArrayList<>();
        final AtomicInteger unlocks = new AtomicInteger();
        private final AtomicInteger authIds = new AtomicInteger();

        Map<String, Code> on(String lockId) {
            return codes.computeIfAbsent(lockId, k -> new LinkedHashMap<>());
        }

        @Override
        public synchronized LockResult createCode(String lockId, String name, String code, Instant from, Instant until) {
            calls.add("create " + lockId + " " + name);
            if (!acceptsCode(code)) throw new PartnerException.Invalid("smart-lock", "bad code");
            if (offline.contains(lockId)) return new LockResult.Offline(lockId, Duration.ofSeconds(30));
            Code existing = on(lockId).get(name);
            if (existing != null) return new LockResult.Applied(existing.authId());
            if (on(lockId).values().stream().anyMatch(c -> c.code().equals(code))) throw new PartnerException.Invalid("smart-lock", "code in use");
            Code added = new Code("auth-" + authIds.incrementAndGet(), name, code, from, until);
            on(lockId).put(name, added);
            return new LockResult.Applied(added.authId());
        }

        @Override
        public synchronized LockResult findCode(String lockId, String name) {
            calls.add("find " + lockId + " " + name);
            if (offline.contains(lockId)) return new LockResult.Offline(lockId, Duration.ofSeconds(30));
            Code c = on(lockId).get(name);
            return c == null ? new LockResult.Queued("no code named " + name) : new LockResult.Applied(c.authId());
        }

        @Override
        public synchronized LockResult revokeCode(String lockId, String authId) {
            calls.add("revoke " + lockId + " " + authId);
            if (offline.contains(lockId)) return new LockResult.Offline(lockId, Duration.ofSeconds(30));
            on(lockId).values().removeIf(c -> c.authId().equals(authId));
            return new LockResult.Applied(authId);
        }

        @Override
        public synchronized LockResult unlock(String lockId) {
            calls.add("unlock " + lockId);
            if (offline.contains(lockId)) return new LockResult.Offline(lockId, Duration.ofSeconds(30));
            unlocks.incrementAndGet();
            return new LockResult.Applied(null);
        }

        @Override
        public LockState state(String lockId) {
            return new LockState(lockId, "Door " + lockId, !offline.contains(lockId), true, false);
        }

        @Override
        public boolean acceptsCode(String code) {
            return code != null && code.matches("[1-9]{6}") && !code.startsWith("12");
        }
    }

    /** A police portal in memory: each submission is in process until the test decides its fate. */
    static final class Police implements PoliceGateway {
        final Map<String, SubmissionStatus> submissions = new ConcurrentHashMap<>();
        final Map<String, GuestRegistration> sent = new ConcurrentHashMap<>();
        final List<String> calls = new CopyOnWriteArrayList<>();
        final Set<String> withdrawn = new HashSet<>();
        volatile boolean down;
        private final AtomicInteger lots = new AtomicInteger();

        @Override
        public synchronized SubmissionStatus submit(GuestRegistration registration) {
            calls.add("submit " + registration.reference());
            if (down) throw new PartnerException.Unavailable("police-portal", "down", null);
            String lot = "LOT-" + lots.incrementAndGet();
            sent.put(lot, registration);
            submissions.put(lot, SubmissionStatus.submitted(lot));
            return submissions.get(lot);
        }

        @Override
        public synchronized SubmissionStatus status(String submissionId) {
            calls.add("status " + submissionId);
            if (down) throw new PartnerException.Unavailable("police-portal", "down", null);
            SubmissionStatus s = submissions.get(submissionId);
            if (s == null) throw new PartnerException.Refused("police-portal", "404", "unknown lot");
            return s;
        }

        @Override
        public synchronized SubmissionStatus resubmit(String previousSubmissionId, GuestRegistration corrected) {
            calls.add("resubmit " + previousSubmissionId);
            if (down) throw new PartnerException.Unavailable("police-portal", "down", null);
            withdrawn.add(previousSubmissionId);
            String lot = "LOT-" + lots.incrementAndGet();
            sent.put(lot, corrected);
            submissions.put(lot, SubmissionStatus.submitted(lot));
            return submissions.get(lot);
        }

        @Override
        public synchronized SubmissionStatus withdraw(String submissionId) {
            calls.add("withdraw " + submissionId);
            if (down) throw new PartnerException.Unavailable("police-portal", "down", null);
            SubmissionStatus s = submissions.get(submissionId);
            switch (s.state()) {
                case SUBMITTED -> {
                    submissions.put(submissionId, SubmissionStatus.withdrawn(submissionId));
                    return submissions.get(submissionId);
                }
                case ACCEPTED -> {
                    String lot = "LOT-" + lots.incrementAndGet();
                    withdrawn.add(submissionId);
                    submissions.put(lot, SubmissionStatus.submitted(lot));
                    return submissions.get(lot);
                }
                default -> {
                    return s;
                }
            }
        }

        void accept(String lot) {
            submissions.put(lot, SubmissionStatus.accepted(lot, "COM-" + lot));
        }

        void reject(String lot, String reason) {
            submissions.put(lot, SubmissionStatus.rejected(lot, reason));
        }

        String last() {
            return "LOT-" + lots.get();
        }
    }

    /** ID images in memory. */
    static final class Documents implements GuestDocuments {
        final Map<String, byte[]> stored = new ConcurrentHashMap<>();
        final List<String> deleted = new ArrayList<>();

        @Override
        public String put(String organisationId, String reservationId, String name, String contentType, byte[] bytes) {
            String key = "guest-documents/" + organisationId + "/" + reservationId + "/" + name;
            stored.put(key, bytes);
            return key;
        }

        @Override
        public synchronized void delete(List<String> keys) {
            keys.forEach(stored::remove);
            deleted.addAll(keys);
        }
    }
}
