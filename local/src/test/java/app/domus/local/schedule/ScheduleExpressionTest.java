package app.domus.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {
    private static final Instant WEDNESDAY_NOON = Instant.parse("2025-01-15T12:00:00Z");

    private static Instant next(String expression, Instant after) {
        return ScheduleExpression.parse(expression).nextAfter(after, ZoneOffset.UTC).orElseThrow();
    }

    @Test
    void firesRatesAfterTheirInterval() {
        assertThat(next("rate(5 minutes)", WEDNESDAY_NOON)).isEqualTo("2025-01-15T12:05:00Z");
        assertThat(next("rate(1 day)", WEDNESDAY_NOON)).isEqualTo("2025-01-16T12:00:00Z");
    }

    @Test
    void firesCronAtTheNextMatchingMinute() {
        assertThat(next("cron(0 3 * * ? *)", WEDNESDAY_NOON)).isEqualTo("2025-01-16T03:00:00Z");
        assertThat(next("cron(*/15 * * * ? *)", Instant.parse("2025-01-15T12:07:30Z"))).isEqualTo("2025-01-15T12:15:00Z");
        assertThat(next("cron(0 8 ? * MON-FRI *)", Instant.parse("2025-01-17T09:00:00Z"))).isEqualTo("2025-01-20T08:00:00Z");
        assertThat(next("cron(0 0 1 JAN ? *)", WEDNESDAY_NOON)).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void understandsLastAndNthWeekdays() {
        assertThat(next("cron(0 18 L * ? *)", WEDNESDAY_NOON)).isEqualTo("2025-01-31T18:00:00Z");
        assertThat(next("cron(0 9 ? * 2#1 *)", WEDNESDAY_NOON)).isEqualTo("2025-02-03T09:00:00Z");
        assertThat(next("cron(0 9 ? * 6L *)", WEDNESDAY_NOON)).isEqualTo("2025-01-31T09:00:00Z");
    }

    @Test
    void firesInTheScheduleTimezone() {
        Instant next = ScheduleExpression.parse("cron(0 3 * * ? *)").nextAfter(WEDNESDAY_NOON, ZoneId.of("Europe/Zurich")).orElseThrow();

        assertThat(next).isEqualTo("2025-01-16T02:00:00Z");
    }

    @Test
    void firesAOneTimeScheduleOnce() {
        ScheduleExpression once = ScheduleExpression.parse("at(2025-01-20T10:00:00)");

        assertThat(once.nextAfter(WEDNESDAY_NOON, ZoneOffset.UTC)).contains(Instant.parse("2025-01-20T10:00:00Z"));
        assertThat(once.nextAfter(Instant.parse("2025-01-20T10:00:00Z"), ZoneOffset.UTC)).isEmpty();
    }

    @Test
    void rejectsWhatItCannotSchedule() {
        assertThatThrownBy(() -> ScheduleExpression.parse("every day")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 3 1 * MON *)")).hasMessageContaining("'?'");
    }
}
