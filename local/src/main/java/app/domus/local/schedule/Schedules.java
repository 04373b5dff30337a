package app.domus.local.schedule;

import app.domus.local.FunctionEvent;
import app.domus.local.json.Json;
import app.domus.local.runtime.FunctionError;
import app.domus.local.runtime.Functions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fires the functions' schedules by their expressions (EventBridge rules and Scheduler schedules alike), and on demand,
 * which is how tests and demos run a nightly job now.
 */
public final class Schedules implements AutoCloseable {
    private final List<Schedule> schedules = new ArrayList<>();
    private final Functions functions;
    private final String region;
    private final java.util.Map<Schedule, Run> lastRuns = new java.util.concurrent.ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("schedules").factory());

    public Schedules(List<FunctionEvent> scheduleEvents, Functions functions, String region) {
        this.functions = functions;
        this.region = region;
        for (FunctionEvent event : scheduleEvents) {
            boolean v2 = event.type().equals("ScheduleV2");
            String expression = event.string(v2 ? "ScheduleExpression" : "Schedule");
            String timezone = event.string("ScheduleExpressionTimezone");
            boolean enabled = v2 ? !"DISABLED".equals(event.string("State")) : !"false".equals(event.string("Enabled"));
            Object input = event.properties().get("Input");
            schedules.add(new Schedule(event.functionLogicalId(), event.name(), expression, ScheduleExpression.parse(expression),
                    timezone == null ? ZoneOffset.UTC : ZoneId.of(timezone), input == null ? null : input instanceof String text ? text : Json.write(input),
                    enabled, v2));
        }
    }

    public List<Schedule> all() {
        return List.copyOf(schedules);
    }

    /**
     * A schedule's last run since the local cloud started.
     *
     * @param dueAt  the time it ran as (its scheduled time, or the {@code at} of a manual fire)
     * @param error  {@code null} when the function succeeded, else its error type and message
     * @param manual fired from the console or a test rather than by its expression
     */
    public record Run(Instant startedAt, Instant dueAt, boolean manual, String error) {}

    public java.util.Optional<Run> lastRun(Schedule schedule) {
        return java.util.Optional.ofNullable(lastRuns.get(schedule));
    }

    /** When the expression next fires an enabled schedule, if it ever does again. */
    public java.util.Optional<Instant> nextRun(Schedule schedule) {
        return schedule.enabled() ? schedule.parsed().nextAfter(Instant.now(), schedule.zone()) : java.util.Optional.empty();
    }

    /** Starts firing every enabled schedule at its times. */
    public void start() {
        Instant now = Instant.now();
        schedules.stream().filter(Schedule::enabled).forEach(schedule -> planNext(schedule, now));
    }

    /**
     * Fires every schedule of the function now and waits for the invocations.
     *
     * @return the number of schedules fired
     * @throws FunctionError when an invocation fails
     */
    public int fireNow(String functionLogicalId) throws FunctionError {
        return fireAsAt(functionLogicalId, Instant.now());
    }

    /**
     * Fires every schedule of the function now, as if it were due at {@code at} (its scheduled time, as the event or the
     * Scheduler's {@code <aws.scheduler.scheduled-time>} carry it), and waits for the invocations: how a test runs a daily
     * job for another day.
     *
     * @return the number of schedules fired
     * @throws FunctionError when an invocation fails
     */
    public int fireAsAt(String functionLogicalId, Instant at) throws FunctionError {
        List<Schedule> ofFunction = schedules.stream().filter(schedule -> schedule.functionLogicalId().equals(functionLogicalId)).toList();
        if (ofFunction.isEmpty()) throw new IllegalArgumentException("Function " + functionLogicalId + " has no schedule");
        for (Schedule schedule : ofFunction) {
            Instant started = Instant.now();
            try {
                functions.get(schedule.functionLogicalId()).invoke(payload(schedule, at));
                lastRuns.put(schedule, new Run(started, at, true, null));
            } catch (FunctionError e) {
                lastRuns.put(schedule, new Run(started, at, true, e.errorType() + ": " + e.getMessage()));
                throw e;
            }
        }
        return ofFunction.size();
    }

    private void planNext(Schedule schedule, Instant after) {
        schedule.parsed().nextAfter(after, schedule.zone()).ifPresent(next -> timer.schedule(() -> {
            Instant started = Instant.now();
            functions.invokeAsync(functions.get(schedule.functionLogicalId()), payload(schedule, next), error ->
                    lastRuns.put(schedule, new Run(started, next, false, error == null ? null : error.errorType() + ": " + error.getMessage())));
            planNext(schedule, next);
        }, Math.max(0, next.toEpochMilli() - System.currentTimeMillis()), TimeUnit.MILLISECONDS));
    }

    /**
     * The template's {@code Input}, or the scheduled event EventBridge sends when there is none. A Scheduler schedule's
     * input has its context attributes replaced, as the Scheduler replaces them in a templated target's input:
     * {@code <aws.scheduler.scheduled-time>} (the time the run was due, an ISO-8601 instant in whole seconds),
     * {@code <aws.scheduler.schedule-arn>}, {@code <aws.scheduler.execution-id>} and {@code <aws.scheduler.attempt-number>}.
     */
    String payload(Schedule schedule, Instant time) {
        if (schedule.input() != null) {
            if (!schedule.scheduler()) return schedule.input();
            return schedule.input()
                    .replace("<aws.scheduler.scheduled-time>", time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                    .replace("<aws.scheduler.schedule-arn>", "arn:aws:scheduler:" + region + ":000000000000:schedule/default/"
                            + schedule.functionLogicalId() + schedule.eventName())
                    .replace("<aws.scheduler.execution-id>", UUID.randomUUID().toString())
                    .replace("<aws.scheduler.attempt-number>", "1");
        }
        ObjectNode event = Json.object();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", "000000000000");
        event.put("time", time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.putArray("resources").add("arn:aws:events:" + region + ":000000000000:rule/" + schedule.functionLogicalId() + schedule.eventName());
        event.putObject("detail");
        return Json.write(event);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
