package app.domus.listings.alerts;

import app.domus.listings.ListingsComponent;
import app.domus.shared.observability.Observability;
import app.domus.shared.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Daily, shortly after midnight UTC (an EventBridge Scheduler schedule whose input is
 * {@code {"scheduledTime": "<aws.scheduler.scheduled-time>"}}): the digests of the UTC day before the one the run was
 * scheduled for ({@link SavedSearches#sendDigests}), so that a late or retried run sends its own day; without
 * {@code scheduledTime}, yesterday by the clock. Fails when a digest failed, after the others went out: the notifier
 * deduplicates what a retry sends again.
 */
public class SendAlertDigestsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, Priming.Primeable {
    /** SnapStart's hook; kept here because CRaC holds its resources weakly. */
    private final Priming priming = Priming.register(this);

    private final SavedSearches searches;
    private final Clock clock;

    public SendAlertDigestsHandler() {
        this(ListingsComponent.create());
    }

    private SendAlertDigestsHandler(ListingsComponent wiring) {
        this(wiring.savedSearches(), wiring.clock());
    }

    public SendAlertDigestsHandler(SavedSearches searches, Clock clock) {
        this.searches = searches;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> schedule, Context context) {
        return Observability.invocation(context, Observability.newCorrelationId(), () -> {
            LocalDate day = day(schedule);
            SavedSearches.DigestRun run = searches.sendDigests(day);
            if (run.failed() > 0) {
                throw new IllegalStateException(run.failed() + " of " + run.searches() + " digests of " + day
                        + " were not sent (see the errors above); running again sends them, and no others twice");
            }
            return Map.of("day", run.day(), "searches", run.searches(), "sent", run.sent());
        });
    }

    /** The UTC day before {@code scheduledTime}'s, or before the clock's when the input has none. */
    LocalDate day(Map<String, Object> schedule) {
        Object scheduled = schedule == null ? null : schedule.get("scheduledTime");
        Instant at;
        try {
            at = scheduled == null ? clock.instant() : Instant.parse(scheduled.toString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("scheduledTime is not an ISO-8601 instant: " + scheduled, e);
        }
        return LocalDate.ofInstant(at, ZoneOffset.UTC).minusDays(1);
    }

    /** Before the snapshot: every run sends e-mails, so only the pipeline warms. */
    @Override
    public void prime() {
        Priming.warmPipeline();
    }
}
