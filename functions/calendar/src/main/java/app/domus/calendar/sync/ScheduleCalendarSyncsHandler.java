package app.domus.calendar.sync;

import app.domus.calendar.CalendarComponent;
import app.domus.shared.observability.Observability;
import app.domus.shared.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * Every 15 minutes: access tokens that would expire before the next run refreshed, watch channels due within a day
 * renewed, and one pull per connection queued (the incremental poll, for whatever a notification missed).
 */
public class ScheduleCalendarSyncsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, Priming.Primeable {
    private final Priming priming = Priming.register(this);
    private final Onboarding onboarding;

    public ScheduleCalendarSyncsHandler() {
        this(CalendarComponent.create().onboarding());
    }

    public ScheduleCalendarSyncsHandler(Onboarding onboarding) {
        this.onboarding = onboarding;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> schedule, Context context) {
        return Observability.invocation(context, Observability.newCorrelationId(), () -> Map.of("queued", onboarding.everyQuarterHour()));
    }

    /** Before the snapshot: every run has effects, so only the pipeline warms. */
    @Override
    public void prime() {
        Priming.warmPipeline();
    }
}
