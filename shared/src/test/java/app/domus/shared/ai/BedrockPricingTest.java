package app.domus.shared.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BedrockPricingTest {

    @Test
    void aCallCostsItsTokensAtTheModelsPricesAndAnUnknownModelCostsNothingRatherThanAGuess() {
        // Claude 3 Haiku: $0.25 per million tokens in, $1.25 out: 2,000 in and 400 out are 500 + 500 millionths.
        assertThat(BedrockPricing.costMicros("anthropic.claude-3-haiku-20240307-v1:0", 2_000, 400)).isEqualTo(1_000);
        assertThat(BedrockPricing.costMicros("amazon.nova-micro-v1:0", 1_000_000, 0)).isEqualTo(35_000);
        assertThat(BedrockPricing.costMicros("vendor.unknown-model", 10_000, 10_000)).isZero();
        var answer = BedrockPricing.answer("x", "amazon.nova-lite-v1:0", 1_000, null);
        assertThat(answer.inputTokens()).isEqualTo(1_000);
        assertThat(answer.outputTokens()).isZero();
        assertThat(answer.costMicros()).isEqualTo(60);
    }
}
