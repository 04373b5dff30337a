package app.domus.shared.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.TestContext;
import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.strategy.sampling.AllSamplingStrategy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An invocation inside a segment (as Lambda opens one per invocation with active tracing) becomes a subsegment
 * annotated with its correlation id, and the SDK calls it makes are its traced children; outside any segment (the
 * local cloud, a function's initialisation) the same work runs untraced and unharmed.
 */
class TracingTest {
    private final List<Segment> sent = new CopyOnWriteArrayList<>();
    private AWSXRayRecorder previous;
    private AWSXRayRecorder recorder;

    @BeforeEach
    void captureWhatTheRecorderSends() {
        Tracing.ignoreMissingContextByDefault();
        previous = AWSXRay.getGlobalRecorder();
        recorder = AWSXRayRecorderBuilder.standard().withSamplingStrategy(new AllSamplingStrategy())
                .withEmitter(new Emitter() {
                    @Override public boolean sendSegment(Segment segment) { sent.add(segment); return true; }
                    @Override public boolean sendSubsegment(Subsegment subsegment) { return true; }
                }).build();
        AWSXRay.setGlobalRecorder(recorder);
    }

    @AfterEach
    void restoreTheRecorder() {
        AWSXRay.setGlobalRecorder(previous);
    }

    @Test
    void anInvocationIsASubsegmentAnnotatedWithItsCorrelationIdAndItsSdkCallsAreTracedInsideIt() {
        var dynamoDb = LocalDynamo.client();
        recorder.beginSegment("test-function");
        Observability.invocation(new TestContext(), "corr-0001-abcd", () -> dynamoDb.listTables());
        recorder.endSegment();

        assertThat(sent).hasSize(1);
        Subsegment invocation = sent.get(0).getSubsegments().stream()
                .filter(s -> s.getName().equals(Tracing.SUBSEGMENT)).findFirst().orElseThrow();
        assertThat(invocation.getAnnotations()).containsEntry(Tracing.CORRELATION_ID, "corr-0001-abcd");
        Subsegment call = invocation.getSubsegments().stream().filter(s -> "aws".equals(s.getNamespace())).findFirst().orElseThrow();
        assertThat(call.getName()).isEqualTo("DynamoDb");
        assertThat(call.getAws()).containsEntry("operation", "ListTables");
    }

    @Test
    void aFailedInvocationIsRecordedAsAFaultOfItsSubsegmentAndStillThrown() {
        recorder.beginSegment("test-function");
        assertThatThrownBy(() -> Observability.invocation(new TestContext(), "corr-0002-abcd", () -> {
            throw new IllegalStateException("the work failed");
        })).isInstanceOf(IllegalStateException.class);
        recorder.endSegment();

        Subsegment invocation = sent.get(0).getSubsegments().get(0);
        assertThat(invocation.getName()).isEqualTo(Tracing.SUBSEGMENT);
        assertThat(invocation.isFault()).isTrue();
        assertThat(invocation.getCause().getExceptions()).isNotEmpty();
    }

    @Test
    void withoutASegmentTheWorkRunsAndNothingIsSent() {
        var dynamoDb = LocalDynamo.client();
        var tables = Observability.invocation(new TestContext(), "corr-0003-abcd", () -> dynamoDb.listTables());
        assertThat(tables.sdkHttpResponse().isSuccessful()).isTrue();
        assertThat(sent).isEmpty();
    }
}
