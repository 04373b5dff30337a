package app.domus.shared.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.testing.DirectoryWorld;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class AiGatewayTest {
    private final DirectoryWorld w = new DirectoryWorld();
    private final List<Duration> pauses = new ArrayList<>();
    private final AiGateway gateway = new AiGateway(w.table, w.clock, pauses::add, AiGateway.breakerSettings());
    private final String org = w.organisation("Estate");

    record Question(String text) {}

    record Label(String value) {}

    /** A provider whose every call runs {@code behaviour}, counting the calls. */
    static final class Scripted implements AiProvider<Question, Label> {
        final String name;
        final AtomicInteger calls = new AtomicInteger();
        Function<Integer, Label> behaviour;

        Scripted(String name, Function<Integer, Label> behaviour) {
            this.name = name;
            this.behaviour = behaviour;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String model() {
            return name + "-model";
        }

        @Override
        public Answer<Label> run(Question input) {
            return new Answer<>(behaviour.apply(calls.incrementAndGet()), 120, 8, 42);
        }
    }

    static AwsServiceException aws(int status, String code) {
        return AwsServiceException.builder().statusCode(status).awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
    }

    private List<AiRunItem> log() {
        return w.table.all(AiRunItem.class, AiRunItem.pk(org), AiRunItem.SK_PREFIX);
    }

    @Test
    void theSameInputIsAnsweredOnceWithinTheTasksLifetimeAndEveryRunIsLogged() {
        Scripted bedrock = new Scripted("bedrock", n -> new Label("plumbing"));

        var first = gateway.run(AiTask.FAULT_TRIAGE, org, new Question("leaky tap"), Label.class, List.of(bedrock));
        var second = gateway.run(AiTask.FAULT_TRIAGE, org, new Question("leaky tap"), Label.class, List.of(bedrock));

        assertThat(first.cached()).isFalse();
        assertThat(second.cached()).isTrue();
        assertThat(second.output()).isEqualTo(new Label("plumbing"));
        assertThat(bedrock.calls).hasValue(1);
        assertThat(log()).hasSize(2).allSatisfy(run -> {
            assertThat(run.getStatus()).isEqualTo(AiRunItem.DONE);
            assertThat(run.getLatencyMs()).isNotNull().isNotNegative();
            assertThat(run.getProvider()).isEqualTo("bedrock");
            assertThat(run.getInputHash()).isEqualTo(AiGateway.hash(AiTask.FAULT_TRIAGE, new Question("leaky tap")));
        });
        assertThat(log()).extracting(AiRunItem::getCached).containsExactly(false, true);
        assertThat(log().getFirst().getInputTokens()).isEqualTo(120);
        assertThat(log().getFirst().getCostMicros()).isEqualTo(42);

        // Another input, and the same input once its lifetime is over, reach the model again.
        gateway.run(AiTask.FAULT_TRIAGE, org, new Question("no heating"), Label.class, List.of(bedrock));
        w.clock.advance(AiTask.FAULT_TRIAGE.cacheFor().plusMinutes(1));
        assertThat(gateway.run(AiTask.FAULT_TRIAGE, org, new Question("leaky tap"), Label.class, List.of(bedrock)).cached()).isFalse();
        assertThat(bedrock.calls).hasValue(3);
        assertThat(gateway.run(AiTask.FAULT_TRIAGE, org, new Question("leaky tap"), Label.class, List.of(bedrock)).cached())
                .as("the refreshed entry is served").isTrue();
    }

    @Test
    void aPrimaryProviderDownFailsOverToTheNextAndTheLogSaysSo() {
        Scripted primary = new Scripted("bedrock", n -> { throw aws(503, "ServiceUnavailableException"); });
        Scripted local = new Scripted("local", n -> new Label("electrical"));

        var result = gateway.run(AiTask.FAULT_TRIAGE, org, new Question("sparks"), Label.class, List.of(primary, local));

        assertThat(result.provider()).isEqualTo("local");
        assertThat(result.output()).isEqualTo(new Label("electrical"));
        assertThat(primary.calls).as("unavailable: no retry on the same provider").hasValue(1);
        AiRunItem run = log().getFirst();
        assertThat(run.getStatus()).isEqualTo(AiRunItem.DONE);
        assertThat(run.getProvider()).isEqualTo("local");
        assertThat(run.getAttempts()).containsExactly("bedrock:unavailable", "local:ok");
    }

    @Test
    void throttlingAndTransientErrorsAreRetriedAfterAPauseThenFailedOver() {
        Scripted throttled = new Scripted("bedrock", n -> {
            if (n == 1) throw aws(429, "ThrottlingException");
            return new Label("lift");
        });
        assertThat(gateway.run(AiTask.FAULT_TRIAGE, org, new Question("lift stuck"), Label.class, List.of(throttled)).provider()).isEqualTo("bedrock");
        assertThat(throttled.calls).hasValue(2);
        assertThat(pauses).singleElement().satisfies(p -> assertThat(p).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000)));

        Scripted flaky = new Scripted("bedrock-2", n -> { throw software.amazon.awssdk.core.exception.SdkClientException.create("reset"); });
        Scripted local = new Scripted("local", n -> new Label("other"));
        gateway.run(AiTask.FAULT_TRIAGE, org, new Question("odd noise"), Label.class, List.of(flaky, local));
        assertThat(flaky.calls).hasValue(AiGateway.ATTEMPTS_PER_PROVIDER);
        assertThat(log().getLast().getAttempts()).containsExactly("bedrock-2:transient", "bedrock-2:transient", "local:ok");
    }

    @Test
    void invalidInputAndRefusedContentEndTheRunWithoutTryingAnotherModel() {
        Scripted invalid = new Scripted("bedrock", n -> { throw aws(400, "ValidationException"); });
        Scripted refusing = new Scripted("bedrock-guarded", n -> { throw new AiFailure(AiFailure.Category.CONTENT_REFUSED, "guardrail intervened"); });
        Scripted local = new Scripted("local", n -> new Label("other"));

        assertThatThrownBy(() -> gateway.run(AiTask.FAULT_TRIAGE, org, new Question("x"), Label.class, List.of(invalid, local)))
                .isInstanceOfSatisfying(AiFailure.class, f -> assertThat(f.category()).isEqualTo(AiFailure.Category.INVALID_INPUT));
        assertThatThrownBy(() -> gateway.run(AiTask.FAULT_TRIAGE, org, new Question("y"), Label.class, List.of(refusing, local)))
                .isInstanceOfSatisfying(AiFailure.class, f -> assertThat(f.category()).isEqualTo(AiFailure.Category.CONTENT_REFUSED));
        assertThat(local.calls).hasValue(0);
        assertThat(log()).extracting(AiRunItem::getStatus).containsOnly(AiRunItem.FAILED);
        assertThat(log()).extracting(AiRunItem::getErrorCategory).containsExactly("invalid_input", "content_refused");
    }

    @Test
    void anAgentSwitchedOffIsAClearErrorThatCallsNobodyAndIsLogged() {
        Scripted bedrock = new Scripted("bedrock", n -> new Label("plumbing"));
        gateway.switchAgent(org, AiTask.FAULT_TRIAGE, false, "admin");

        assertThatThrownBy(() -> gateway.run(AiTask.FAULT_TRIAGE, org, new Question("leak"), Label.class, List.of(bedrock)))
                .isInstanceOf(AiAgentOff.class).hasMessageContaining("fault-triage");
        assertThat(bedrock.calls).hasValue(0);
        assertThat(log()).singleElement().satisfies(r -> assertThat(r.getErrorCategory()).isEqualTo("agent-off"));
        assertThat(gateway.enabled(org, AiTask.LISTING_TAGGING)).as("other tasks stay on").isTrue();
        assertThat(gateway.enabled(w.organisation("Other"), AiTask.FAULT_TRIAGE)).as("other organisations stay on").isTrue();

        gateway.switchAgent(org, AiTask.FAULT_TRIAGE, true, "admin");
        assertThat(gateway.run(AiTask.FAULT_TRIAGE, org, new Question("leak"), Label.class, List.of(bedrock)).output()).isEqualTo(new Label("plumbing"));
    }

    @Test
    void aProviderThatKeepsFailingIsSkippedByItsOpenBreaker() {
        Scripted down = new Scripted("bedrock", n -> { throw aws(503, "ModelNotReadyException"); });
        Scripted local = new Scripted("local", n -> new Label("other"));
        for (int i = 0; i < 5; i++) gateway.run(AiTask.CHAT, org, new Question("q" + i), Label.class, List.of(down, local));
        assertThat(down.calls).hasValue(5);

        gateway.run(AiTask.CHAT, org, new Question("q6"), Label.class, List.of(down, local));
        assertThat(down.calls).as("open: not called").hasValue(5);
        assertThat(log().getLast().getAttempts()).containsExactly("bedrock:breaker-open", "local:ok");
        assertThat(local.calls).as("chat is never cached").hasValue(6);
    }
}
