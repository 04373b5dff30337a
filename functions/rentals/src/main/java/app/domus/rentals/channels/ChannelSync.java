package app.domus.rentals.channels;

import app.domus.rentals.reservations.ChannelBookingItem;
import app.domus.rentals.reservations.ReservationBook;
import app.domus.rentals.reservations.ReservationItem;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.observability.Observability;
import app.domus.shared.persistence.DomusTable;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync of one channel: behind the channel's {@link ChannelBreaker}, the channel is read with retries
 * ({@value #ATTEMPTS} attempts, exponential backoff from {@code initialBackoff} doubling, with 50 % jitter), each call
 * with its timeouts; then each booking is applied to the unit's book ({@link ReservationBook}, idempotent by channel and
 * booking id), and for a complete feed the known bookings that are gone and not over are cancelled. Running it again on
 * the same answer changes nothing. The channel's health (last attempt, success, error, the breaker) is written back at
 * the end; a failure of the channel is recorded there, not thrown.
 */
public class ChannelSync {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelSync.class);
    static final int ATTEMPTS = 3;
    public static final Duration SCHEDULE = Duration.ofMinutes(15);

    public record Result(String channelId, String status, Map<ReservationBook.Outcome, Integer> applied, String error, String breakerState) {}

    private final DomusTable table;
    private final ReservationBook book;
    private final ChannelCredentials credentials;
    private final Map<String, ChannelSource> sources;
    private final Clock clock;
    private final Duration initialBackoff;

    public ChannelSync(DomusTable table, ReservationBook book, ChannelCredentials credentials, Map<String, ChannelSource> sources,
                       Clock clock, Duration initialBackoff) {
        this.table = table;
        this.book = book;
        this.credentials = credentials;
        this.sources = sources;
        this.clock = clock;
        this.initialBackoff = initialBackoff;
    }

    public Optional<ChannelItem> channel(String unitId, String channelId) {
        return table.get(ChannelItem.class, ChannelItem.pk(unitId), ChannelItem.sk(channelId));
    }

    public Result sync(ChannelItem channel) {
        Instant now = clock.instant();
        ChannelBreaker breaker = ChannelBreaker.restore(channel, now);
        channel.setLastAttemptAt(now.toString());
        if (!breaker.permits()) {
            channel.setLastResult("skipped: circuit breaker open since " + channel.getBreakerOpenedAt());
            breaker.store(now);
            save(channel);
            Observability.count("ChannelSyncs", "Outcome", "breaker-open");
            return new Result(channel.getId(), "skipped", Map.of(), null, breaker.state().name());
        }
        ChannelSource source = sources.get(channel.getType());
        Map<ReservationBook.Outcome, Integer> applied = new EnumMap<>(ReservationBook.Outcome.class);
        try {
            ChannelSource.Fetched fetched = retry(channel).executeSupplier(() -> source.fetch(channel, credentials.read(channel.getCredentialsName())));
            breaker.succeeded();
            apply(channel, fetched, applied);
            channel.setLastSuccessAt(clock.instant().toString());
            channel.setLastResult("synced: " + applied);
            breaker.store(clock.instant());
            save(channel);
            Observability.count("ChannelSyncs", "Outcome", "synced");
            return new Result(channel.getId(), "synced", applied, null, breaker.state().name());
        } catch (ChannelException e) {
            LOG.warn("Channel {} of unit {} failed to sync: {}", channel.getId(), channel.getUnitId(), e.getMessage());
            breaker.failed(e);
            channel.setLastErrorAt(clock.instant().toString());
            channel.setLastError(e.getMessage());
            channel.setLastResult("failed");
            breaker.store(clock.instant());
            save(channel);
            Observability.count("ChannelSyncs", "Outcome", "failed");
            return new Result(channel.getId(), "failed", applied, e.getMessage(), breaker.state().name());
        }
    }

    private void apply(ChannelItem channel, ChannelSource.Fetched fetched, Map<ReservationBook.Outcome, Integer> applied) {
        UnitItem unit = table.get(UnitItem.class, UnitItem.pk(channel.getUnitId()), "PROFILE")
                .orElseThrow(() -> new IllegalStateException("unit " + channel.getUnitId() + " of channel " + channel.getId() + " is gone"));
        Set<String> seen = new HashSet<>();
        for (ChannelSource.Fetched.Entry entry : fetched.bookings()) {
            seen.add(entry.booking().externalId());
            var outcome = book.apply(unit, new ReservationBook.Source(channel.getId(), entry.channel()), entry.booking()).outcome();
            applied.merge(outcome, 1, Integer::sum);
        }
        if (!fetched.complete()) return;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (ChannelBookingItem known : book.bookingsOf(channel.getId())) {
            if (seen.contains(known.getExternalId())) continue;
            ReservationItem r = book.find(known.getReservationId()).orElse(null);
            if (r == null || !ReservationItem.CONFIRMED.equals(r.getStatus()) || LocalDate.parse(r.getCheckOut()).isBefore(today)) continue;
            var outcome = book.apply(unit, new ReservationBook.Source(channel.getId(), r.getChannel()),
                    new ReservationBook.Booking(known.getExternalId(), true, null, null, null, null, null, null)).outcome();
            applied.merge(outcome, 1, Integer::sum);
        }
    }

    private Retry retry(ChannelItem channel) {
        return Retry.of("channel-" + channel.getId(), RetryConfig.custom()
                .maxAttempts(ATTEMPTS)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(initialBackoff, 2.0, 0.5))
                .retryExceptions(ChannelException.class)
                .build());
    }

    /** The health fields and the breaker, written over whatever a concurrent sync wrote (the last run's word stands). */
    private void save(ChannelItem channel) {
        ChannelItem current = channel(channel.getUnitId(), channel.getId()).orElse(channel);
        current.setBreakerState(channel.getBreakerState());
        current.setBreakerOpenedAt(channel.getBreakerOpenedAt());
        current.setRecentOutcomes(channel.getRecentOutcomes());
        current.setLastAttemptAt(channel.getLastAttemptAt());
        current.setLastSuccessAt(channel.getLastSuccessAt());
        current.setLastErrorAt(channel.getLastErrorAt());
        current.setLastError(channel.getLastError());
        current.setLastResult(channel.getLastResult());
        table.of(ChannelItem.class).updateItem(current);
    }

    /** The next quarter hour after {@code now}: when the schedule ({@code cron(0/15 * * * ? *)}) runs next. */
    public static Instant nextRun(Instant now) {
        long quarter = SCHEDULE.toSeconds();
        return Instant.ofEpochSecond((now.getEpochSecond() / quarter + 1) * quarter);
    }
}
