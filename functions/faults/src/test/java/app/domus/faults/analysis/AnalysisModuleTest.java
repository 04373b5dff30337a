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
    private final AwsFaultAnalyser aws = new AwsFaultAnalyser(null, null, "model", "photos");

    private FaultAnalyser chosenWith(Map<String, String> environment) {
        return Env.with(environment, () -> AnalysisModule.analyser(() -> local, () -> aws));
    }

    @Test
    void aiProviderChoosesTheAnalyserAndLocalIsTheDefault() {
        assertThat(chosenWith(Map.of())).isSameAs(local);
        assertThat(chosenWith(Map.of("AI_PROVIDER", "local"))).isSameAs(local);
        assertThat(chosenWith(Map.of("AI_PROVIDER", "aws"))).isSameAs(aws);
    }

    @Test
    void anUnknownProviderFailsAtStartRatherThanGuessing() {
        assertThatThrownBy(() -> chosenWith(Map.of("AI_PROVIDER", "openai"))).hasMessageContaining("AI_PROVIDER");
    }
}
