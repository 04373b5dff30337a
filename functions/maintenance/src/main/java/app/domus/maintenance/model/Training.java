package app.domus.maintenance.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How the risk model is trained: the synthetic history with the fixed seed, plus the platform's own labelled history
 * where there is some, with the model's AUC measured on a held-out synthetic set of another seed. A version names
 * what it was trained on, e.g. {@code gbt-s20261201-n4000-p0}.
 */
public final class Training {
    public static final long SEED = 20261201L;
    public static final int SYNTHETIC = 4000;
    public static final long HELD_OUT_SEED = 99L;
    public static final int HELD_OUT = 2000;

    private Training() {}

    public record Trained(RiskModel model, double heldOutAuc) {}

    public static Trained train(List<Example> platformHistory) {
        List<Example> examples = new ArrayList<>(new SyntheticHistory(SEED).examples(SYNTHETIC));
        examples.addAll(platformHistory);
        String version = "gbt-s" + SEED + "-n" + SYNTHETIC + "-p" + platformHistory.size();
        RiskModel model = RiskModel.train(examples, version);
        return new Trained(model, model.auc(new SyntheticHistory(HELD_OUT_SEED).examples(HELD_OUT)));
    }

    /** The model a deployment starts with: the synthetic history alone. */
    public static RiskModel bootstrap() {
        return RiskModel.train(new SyntheticHistory(SEED).examples(SYNTHETIC), "gbt-s" + SEED + "-n" + SYNTHETIC + "-p0");
    }
}
