package app.domus.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.local.faults.FaultInjector.Kind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The switch's decisions: which call gets which fault, and which rules it refuses. */
class FaultInjectorTest {
    /** Draws given in advance: a call gets the fault when its draw is below the rate. */
    private static FaultInjector drawing(double... draws) {
        Deque<Double> queue = new ArrayDeque<>();
        for (double draw : draws) queue.add(draw);
        return new FaultInjector(() -> queue.isEmpty() ? 0.99 : queue.poll());
    }

    @Test
    void offByDefaultEveryCallPasses() {
        FaultInjector faults = drawing(0.0, 0.0);
        assertThat(faults.active()).isFalse();
        assertThat(faults.decide("dynamodb", "PutItem")).isEmpty();
        assertThat(faults.decide("sns", "Publish")).isEmpty();
    }

    @Test
    void aRuleFaultsTheCallsWhoseDrawIsBelowItsRate() {
        FaultInjector faults = drawing(0.29, 0.30, 0.05, 0.95);
        faults.set("dynamodb", Map.of("kind", "throttling", "rate", 0.3));
        assertThat(faults.decide("dynamodb", "Query")).hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(Kind.THROTTLING));
        assertThat(faults.decide("dynamodb", "Query")).isEmpty();
        assertThat(faults.decide("dynamodb", "PutItem")).isPresent();
        assertThat(faults.decide("dynamodb", "PutItem")).isEmpty();
        assertThat(faults.decide("sns", "Publish")).as("another service").isEmpty();
        assertThat(faults.state("dynamodb").get("injected")).isEqualTo(Map.of("PutItem", 1L, "Query", 1L));
    }

    @Test
    void rateOneFaultsEveryCallAndRateZeroNone() {
        FaultInjector faults = new FaultInjector();
        faults.set("sns", Map.of("kind", "server-error", "rate", 1));
        for (int i = 0; i < 50; i++) assertThat(faults.decide("sns", "Publish")).isPresent();
        faults.set("sns", Map.of("kind", "server-error", "rate", 0));
        for (int i = 0; i < 50; i++) assertThat(faults.decide("sns", "Publish")).isEmpty();
    }

    @Test
    void operationsNarrowTheRule() {
        FaultInjector faults = drawing(0.0, 0.0, 0.0);
        faults.set("dynamodb", Map.of("kind", "server-error", "rate", 1.0, "operations", List.of("TransactWriteItems")));
        assertThat(faults.decide("dynamodb", "GetItem")).isEmpty();
        assertThat(faults.decide("dynamodb", "TransactWriteItems")).isPresent();
    }

    @Test
    void latencyDelaysWithoutFailingAndAnErrorMayCarryLatencyToo() {
        FaultInjector faults = drawing(0.0, 0.0);
        faults.set("dynamodb", Map.of("kind", "latency", "rate", 1.0, "latencyMs", 250));
        var delayed = faults.decide("dynamodb", "Query").orElseThrow();
        assertThat(delayed.kind().fails()).isFalse();
        assertThat(delayed.latencyMs()).isEqualTo(250);
        faults.set("dynamodb", Map.of("kind", "throttling", "rate", 1.0, "latencyMs", 40));
        var throttled = faults.decide("dynamodb", "Query").orElseThrow();
        assertThat(throttled.kind().fails()).isTrue();
        assertThat(throttled.latencyMs()).isEqualTo(40);
    }

    @Test
    void conditionalFailuresApplyToWritesOnly() {
        FaultInjector faults = drawing(0.0, 0.0, 0.0);
        FaultInjector.Rule rule = faults.set("dynamodb", Map.of("kind", "conditional-check-failed", "rate", 1.0));
        assertThat(rule.operations()).containsExactlyInAnyOrder("PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems");
        assertThat(faults.decide("dynamodb", "Query")).isEmpty();
        assertThat(faults.decide("dynamodb", "UpdateItem")).isPresent();
        assertThat(faults.set("dynamodb", Map.of("kind", "transaction-conflict")).operations()).containsExactly("TransactWriteItems");
        assertThatThrownBy(() -> faults.set("dynamodb", Map.of("kind", "conditional-check-failed", "operations", List.of("Query"))))
                .isInstanceOf(FaultInjector.InvalidRule.class).extracting(e -> ((FaultInjector.InvalidRule) e).field()).isEqualTo("operations");
    }

    @Test
    void invalidRulesAreRefusedWithTheMemberAtFault() {
        FaultInjector faults = new FaultInjector();
        assertThat(field(() -> faults.set("dynamodb", Map.of("kind", "meteor", "rate", 0.5)))).isEqualTo("kind");
        assertThat(field(() -> faults.set("dynamodb", Map.of("kind", "throttling", "rate", 1.5)))).isEqualTo("rate");
        assertThat(field(() -> faults.set("dynamodb", Map.of("kind", "throttling", "rate", -0.1)))).isEqualTo("rate");
        assertThat(field(() -> faults.set("dynamodb", Map.of("kind", "throttling", "rate", "half")))).isEqualTo("rate");
        assertThat(field(() -> faults.set("dynamodb", Map.of("kind", "latency", "rate", 1)))).isEqualTo("latencyMs");
        assertThat(field(() -> faults.set("dynamodb", Map.of("kind", "throttling", "latencyMs", 1.5)))).isEqualTo("latencyMs");
        assertThat(field(() -> faults.set("dynamodb", Map.of("kind", "throttling", "colour", "red")))).isEqualTo("colour");
        assertThat(field(() -> faults.set("sns", Map.of("kind", "transaction-conflict")))).as("a kind SNS has not").isEqualTo("kind");
        assertThatThrownBy(() -> faults.set("kinesis", Map.of("kind", "throttling"))).isInstanceOf(FaultInjector.UnknownService.class);
        assertThat(faults.active()).isFalse();
    }

    @Test
    void partnerDoublesJoinTheSwitchByName() {
        FaultInjector faults = drawing(0.0);
        assertThatThrownBy(() -> faults.set("stripe", Map.of("kind", "unavailable"))).isInstanceOf(FaultInjector.UnknownService.class);
        faults.registerPartner("stripe");
        faults.set("stripe", Map.of("kind", "unavailable", "rate", 1.0));
        assertThat(faults.decide("stripe", null)).hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(Kind.UNAVAILABLE));
        assertThat(field(() -> faults.set("stripe", Map.of("kind", "throttling")))).isEqualTo("kind");
    }

    @Test
    void clearingOneServiceLeavesTheOthersAndClearAllEndsEverything() {
        FaultInjector faults = new FaultInjector();
        faults.set("dynamodb", Map.of("kind", "throttling", "rate", 1.0));
        faults.set("sns", Map.of("kind", "throttling", "rate", 1.0));
        faults.clear("dynamodb");
        assertThat(faults.decide("dynamodb", "PutItem")).isEmpty();
        assertThat(faults.decide("sns", "Publish")).isPresent();
        faults.clearAll();
        assertThat(faults.active()).isFalse();
        assertThat(faults.decide("sns", "Publish")).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> sns = (Map<String, Object>) faults.state().get("sns");
        assertThat(sns.get("rule")).isNull();
        assertThat(sns.get("kinds")).isEqualTo(List.of("throttling", "server-error", "latency"));
        assertThat(Set.copyOf(faults.state().keySet())).contains("dynamodb", "sns");
    }

    private static String field(Runnable setting) {
        try {
            setting.run();
        } catch (FaultInjector.InvalidRule e) {
            return e.field();
        }
        throw new AssertionError("the rule was accepted");
    }
}
