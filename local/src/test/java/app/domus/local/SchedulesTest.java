package app.domus.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testfunctions.Recorded;
import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import app.domus.local.testing.LocalCloudTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Schedules fired on demand (the clock-driven firing is covered by {@code ScheduleExpressionTest}). */
@ExtendWith(LocalCloudExtension.class)
@LocalCloudTemplate("classpath:test-template.yaml")
class SchedulesTest {

    @Test
    void firesAScheduleWithItsInput(LocalCloudClient cloud) throws Exception {
        int before = Recorded.of("NightlyFunction").size();

        cloud.fireSchedule("NightlyFunction");

        assertThat(Recorded.of("NightlyFunction")).hasSize(before + 1);
        assertThat(Recorded.of("NightlyFunction").getLast().path("job").asText()).isEqualTo("nightly-cleanup");
    }

    @Test
    void firesAsIfDueAtAGivenTimeWhichTheSchedulersContextAttributeCarries(LocalCloudClient cloud) throws Exception {
        cloud.fireSchedule("NightlyFunction", Instant.parse("2026-12-03T02:00:00.250Z"));
        assertThat(Recorded.of("NightlyFunction").getLast().path("scheduledTime").asText()).isEqualTo("2026-12-03T02:00:00Z");

        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        cloud.fireSchedule("NightlyFunction");
        assertThat(Instant.parse(Recorded.of("NightlyFunction").getLast().path("scheduledTime").asText())).isBetween(before, Instant.now());

        ApiResponse refused = cloud.anonymous().post("/_local/schedules/NightlyFunction/fire?at=tomorrow", null);
        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void sendsAScheduledEventWhenTheScheduleHasNoInput(LocalCloudClient cloud) throws Exception {
        cloud.fireSchedule("HourlyFunction");

        JsonNode event = Recorded.await("HourlyFunction", recorded -> true, Duration.ofSeconds(5));
        assertThat(event.path("detailType").asText()).isEqualTo("Scheduled Event");
        assertThat(event.path("source").asText()).isEqualTo("aws.events");
    }

    @Test
    void listsSchedulesAndRefusesToFireAFunctionWithout(LocalCloudClient cloud) {
        assertThat(cloud.console("schedules").toString()).contains("cron(0 3 * * ? *)").contains("rate(1 hour)");

        ApiResponse response = cloud.anonymous().post("/_local/schedules/EchoFunction/fire", null);
        assertThat(response.status()).isEqualTo(404);
    }
}
