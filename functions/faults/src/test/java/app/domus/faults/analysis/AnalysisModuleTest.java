package app.domus.faults.analysis;

import app.domus.shared.directory.FaultCategory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.config.Env;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalysisModuleTest {
    private final LocalFaultAnalyser local = new LocalFaultAnalyser(FaultTextClassifier.train(List.of(
            new FaultTextClassifier.Sample(FaultCategory.PLUMBING, "leaking pipe"),
            new FaultTextClassifier.Sample(FaultCategory.ELECTRICAL, "broken light switch"))));
    private TriageChain chainWith(Map<String, String> environment) {
        return Env.with(environment, () -> AnalysisModule.chain(() -> local, () -> null, () -> null, new app.domus.shared.aws.PlatformConfig()));
    }

    private static List<String> names(TriageChain chain) {
        return chain.providers().stream().map(p -> p.name() + ":" + p.model()).toList();
    }

    @Test
    void aiProviderChoosesTheChainAndLocalIsTheDefault() {
        assertThat(names(chainWith(Map.of()))).containsExactly("local:" + AnalysisModule.LOCAL_MODEL);
        assertThat(names(chainWith(Map.of("AI_PROVIDER", "local")))).containsExactly("local:" + AnalysisModule.LOCAL_MODEL);
        assertThat(names(chainWith(Map.of("AI_PROVIDER", "aws"))))
                .containsExactly("bedrock:" + AwsFaultAnalyser.DEFAULT_MODEL, "local:" + AnalysisModule.LOCAL_MODEL);
        assertThat(names(chainWith(Map.of("AI_PROVIDER", "aws", "BEDROCK_MODEL_ID", "m1", "BEDROCK_FALLBACK_MODEL_ID", "m2"))))
                .containsExactly("bedrock:m1", "bedrock:m2", "local:" + AnalysisModule.LOCAL_MODEL);
    }

    @Test
    void theLocalFallbackAnswersThroughTheChain() {
        var answer = chainWith(Map.of()).providers().getFirst().run(new TriageInput("Leak", "leaking pipe under the sink", null));
        assertThat(answer.output().category()).isEqualTo(FaultCategory.PLUMBING);
    }

    @Test
    void anUnknownProviderFailsAtStartRatherThanGuessing() {
        assertThatThrownBy(() -> chainWith(Map.of("AI_PROVIDER", "openai"))).hasMessageContaining("AI_PROVIDER");
    }
}
