package app.domus.calendar.sync;

import app.domus.calendar.CalendarComponent;
import app.domus.shared.observability.Observability;
import app.domus.shared.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * Every 15 minutes: one poll per connected calendar queued (the incremental pull, for whatever a notification missed;
 * each poll also refreshes an access token due before the next run and renews a channel due within a day).
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
