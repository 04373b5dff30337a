package app.domus.shared.ai;

import java.util.Map;

/**
 * What a Bedrock model call costs, for the AI run log: on-demand list prices per million input and output tokens (US
 * dollars, us-east-1, as published for these models) of the models the platform names in its template. A model not in
 * the table is logged with its tokens and a cost of 0, never a guess.
 */
public final class BedrockPricing {
    /** Dollars per million tokens: input, output. */
    private static final Map<String, double[]> PER_MILLION = Map.of(
            "anthropic.claude-3-haiku-20240307-v1:0", new double[] {0.25, 1.25},
            "anthropic.claude-3-5-haiku-20241022-v1:0", new double[] {0.80, 4.00},
            "anthropic.claude-3-5-sonnet-20240620-v1:0", new double[] {3.00, 15.00},
            "amazon.nova-micro-v1:0", new double[] {0.035, 0.14},
            "amazon.nova-lite-v1:0", new double[] {0.06, 0.24});

    private BedrockPricing() {}

    /** Millionths of a dollar for {@code inputTokens} in and {@code outputTokens} out (a million tokens at $1 is 1,000,000). */
    public static long costMicros(String modelId, int inputTokens, int outputTokens) {
        double[] price = PER_MILLION.get(modelId);
        if (price == null) return 0;
        return Math.round(inputTokens * price[0] + outputTokens * price[1]);
    }

    /** A Bedrock answer with its usage and cost. */
    public static <O> AiProvider.Answer<O> answer(O output, String modelId, Integer inputTokens, Integer outputTokens) {
        int in = inputTokens == null ? 0 : inputTokens;
        int out = outputTokens == null ? 0 : outputTokens;
        return new AiProvider.Answer<>(output, in, out, costMicros(modelId, in, out));
    }
}
