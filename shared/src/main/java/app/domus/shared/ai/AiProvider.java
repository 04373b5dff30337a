package app.domus.shared.ai;

/**
 * One way to do an AI task: a model at a provider (a Bedrock model, the platform's local model). Providers are tried
 * in the order of the gateway's chain for the task. A provider throws {@link AiFailure} with the category of what went
 * wrong, or lets an SDK exception through for {@link AiFailure#categorise} to sort.
 *
 * @param <I> the task's input (what the cache key is made of: it must serialise to JSON deterministically)
 * @param <O> the task's output (stored in the cache as JSON)
 */
public interface AiProvider<I, O> {

    /** The provider's name in the log, e.g. {@code bedrock}, {@code local}; also its circuit breaker's. */
    String name();

    /** The model, e.g. {@code anthropic.claude-3-haiku-20240307-v1:0}, {@code opennlp-naive-bayes}. */
    String model();

    Answer<O> run(I input);

    /** A provider of {@code run}, e.g. an adapter around a context's own model client. */
    static <I, O> AiProvider<I, O> of(String name, String model, java.util.function.Function<I, Answer<O>> run) {
        return new AiProvider<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String model() {
                return model;
            }

            @Override
            public Answer<O> run(I input) {
                return run.apply(input);
            }

            @Override
            public String toString() {
                return name + ":" + model;
            }
        };
    }

    /** What a provider answered, with what it cost: tokens in and out and the price in millionths of a dollar. */
    record Answer<O>(O output, int inputTokens, int outputTokens, long costMicros) {
        public static <O> Answer<O> free(O output) {
            return new Answer<>(output, 0, 0, 0);
        }
    }
}
