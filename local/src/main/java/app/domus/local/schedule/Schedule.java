package app.domus.local.schedule;

import java.time.ZoneId;

/**
 * A function's {@code Schedule} or {@code ScheduleV2} event.
 *
 * @param input the template's {@code Input} (a JSON document), or {@code null} for a scheduled-event payload
 * @param scheduler an EventBridge Scheduler schedule ({@code ScheduleV2}), whose input may name its context attributes
 */
public record Schedule(String functionLogicalId, String eventName, String expression, ScheduleExpression parsed,
                       ZoneId zone, String input, boolean enabled, boolean scheduler) {}
