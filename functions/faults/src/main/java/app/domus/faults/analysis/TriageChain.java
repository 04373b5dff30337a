package app.domus.faults.analysis;

import app.domus.shared.ai.AiProvider;
import java.util.List;
import java.util.function.Supplier;

/**
 * The providers fault triage goes through, in order (the AI gateway fails over along it): on AWS the Bedrock model,
 * then a second Bedrock model where one is configured, then the local classifier (trained only if it is reached);
 * locally the classifier alone.
 */
public record TriageChain(List<AiProvider<TriageInput, Analysis>> providers) {

    public TriageChain {
        providers = List.copyOf(providers);
    }

    /** One analyser as the whole chain (tests, and the local deployment). */
    public static TriageChain of(String name, String model, FaultAnalyser analyser) {
        return new TriageChain(List.of(provider(name, model, () -> analyser)));
    }

    /** An analyser as a provider; {@code analyser} is asked for on the first run, so an unused fallback costs nothing. */
    static AiProvider<TriageInput, Analysis> provider(String name, String model, Supplier<FaultAnalyser> analyser) {
        return AiProvider.of(name, model, input -> AiProvider.Answer.free(analyser.get().analyse(input.asFault())));
    }

    /** A Bedrock analyser as a provider, its tokens and cost in the run log; built on its first run. */
    static AiProvider<TriageInput, Analysis> metered(String name, String model, Supplier<AwsFaultAnalyser> analyser) {
        java.util.concurrent.atomic.AtomicReference<AwsFaultAnalyser> built = new java.util.concurrent.atomic.AtomicReference<>();
        return AiProvider.of(name, model, input -> built.updateAndGet(a -> a != null ? a : analyser.get()).answer(input.asFault()));
    }
}
