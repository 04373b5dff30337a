package app.domus.local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.faults.FaultInjector;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** SNS's front door: an injected fault is SNS's error document, and the call never reaches the emulator. */
class FaultInjectingAwsApiTest {
    private final FaultInjector faults = new FaultInjector();
    private final AtomicInteger reached = new AtomicInteger();
    private final AwsApi sns = FaultInjectingAwsApi.sns(faults, request -> {
        reached.incrementAndGet();
        return AwsResponse.xml(200, "<PublishResponse/>");
    });

    private static AwsRequest publish(Map<String, List<String>> headers) {
        return new AwsRequest("POST", "/", null, headers, "Action=Publish&TopicArn=arn".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void throttlingIsSnsThrottlingAndTheTopicNeverSeesThePublish() throws Exception {
        faults.set("sns", Map.of("kind", "throttling", "rate", 1.0, "operations", List.of("Publish")));
        AwsResponse response = sns.handle(publish(Map.of()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("<Code>Throttling</Code>");
        assertThat(reached).hasValue(0);
    }

    @Test
    void aServerErrorIsA500InternalError() throws Exception {
        faults.set("sns", Map.of("kind", "server-error", "rate", 1.0));
        AwsResponse response = sns.handle(publish(Map.of()));
        assertThat(response.status()).isEqualTo(500);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("<Code>InternalError</Code>");
    }

    @Test
    void withoutARuleOrFromTheLocalCloudItselfTheCallPasses() throws Exception {
        assertThat(sns.handle(publish(Map.of())).status()).isEqualTo(200);
        faults.set("sns", Map.of("kind", "server-error", "rate", 1.0));
        assertThat(sns.handle(publish(Map.of(FaultInjector.INTERNAL_CALLER_HEADER, List.of("true")))).status()).isEqualTo(200);
        faults.set("sns", Map.of("kind", "server-error", "rate", 1.0, "operations", List.of("CreateTopic")));
        assertThat(sns.handle(publish(Map.of())).status()).as("another operation").isEqualTo(200);
        assertThat(reached).hasValue(3);
    }
}
