package app.domus.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.FunctionEvent;
import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a fired schedule passes its function: the Scheduler's context attributes replaced in a ScheduleV2 input. */
class ScheduleInputTest {
    private static final String TEMPLATED = "{\"scheduledTime\": \"<aws.scheduler.scheduled-time>\", \"arn\": \"<aws.scheduler.schedule-arn>\","
            + " \"execution\": \"<aws.scheduler.execution-id>\", \"attempt\": \"<aws.scheduler.attempt-number>\"}";
    private static final Instant DUE = Instant.parse("2026-12-02T07:00:00.123Z");

    private final Schedules schedules = new Schedules(List.of(
            new FunctionEvent("RemindersFunction", "Daily", "ScheduleV2", Map.of("ScheduleExpression", "cron(0 7 * * ? *)", "Input", TEMPLATED)),
            new FunctionEvent("RuleFunction", "Daily", "Schedule", Map.of("Schedule", "cron(0 7 * * ? *)", "Input", TEMPLATED)),
            new FunctionEvent("PlainFunction", "Hourly", "ScheduleV2", Map.of("ScheduleExpression", "rate(1 hour)"))),
            null, "eu-central-1");

    @AfterEach
    void close() {
        schedules.close();
    }

    private String payloadOf(String function) {
        Schedule schedule = schedules.all().stream().filter(s -> s.functionLogicalId().equals(function)).findFirst().orElseThrow();
        return schedules.payload(schedule, DUE);
    }

    @Test
    void aSchedulerInputGetsTheTimeTheRunWasDueInWholeSecondsAndItsOtherContextAttributes() {
        JsonNode input = Json.read(payloadOf("RemindersFunction"));
        assertThat(input.path("scheduledTime").asText()).isEqualTo("2026-12-02T07:00:00Z");
        assertThat(input.path("arn").asText()).isEqualTo("arn:aws:scheduler:eu-central-1:000000000000:schedule/default/RemindersFunctionDaily");
        assertThat(input.path("execution").asText()).matches("[0-9a-f-]{36}");
        assertThat(input.path("attempt").asText()).isEqualTo("1");
    }

    @Test
    void anEventBridgeRulesInputIsPassedAsWrittenAndNoInputMakesAScheduledEventOfThatTime() {
        assertThat(payloadOf("RuleFunction")).isEqualTo(TEMPLATED);
        JsonNode event = Json.read(payloadOf("PlainFunction"));
        assertThat(event.path("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.path("time").asText()).isEqualTo("2026-12-02T07:00:00Z");
    }
}
