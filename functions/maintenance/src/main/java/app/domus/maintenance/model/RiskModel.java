package app.domus.maintenance.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The failure-risk model: gradient-boosted trees (XGBoost, binary logistic) over {@link Features}. A risk is the
 * model's probability of a failure within 90 days; its reasons are the features' contributions to that prediction's
 * log-odds (XGBoost's exact TreeSHAP, {@code predictContrib}), the largest that raise the risk first.
 */
public final class RiskModel {
    /** Trees, depth, learning rate: enough for the seven features' interactions without learning the noise. */
    static final int ROUNDS = 120;

    private final Booster booster;
    private final String version;

    private RiskModel(Booster booster, String version) {
        this.booster = booster;
        this.version = version;
    }

    /** What a feature did to one prediction. */
    public record Reason(String feature, double value, double contribution) {}

    public record Prediction(double risk, List<Reason> reasons) {
        /** The features that raised the risk, largest first, at most {@code n}. */
        public List<Reason> top(int n) {
            return reasons.stream().filter(r -> r.contribution() > 0).limit(n).toList();
        }
    }

    public static RiskModel train(List<Example> examples, String version) {
        try {
            DMatrix data = matrix(examples.stream().map(Example::features).toList());
            float[] labels = new float[examples.size()];
            for (int i = 0; i < labels.length; i++) labels[i] = examples.get(i).failed() ? 1 : 0;
            data.setLabel(labels);
            Map<String, Object> params = new HashMap<>();
            params.put("objective", "binary:logistic");
            params.put("eval_metric", "auc");
            params.put("max_depth", 3);
            params.put("eta", 0.08);
            params.put("subsample", 0.8);
            params.put("min_child_weight", 5);
            params.put("seed", 7);
            params.put("nthread", 1);
            params.put("verbosity", 0);
            return new RiskModel(XGBoost.train(data, params, ROUNDS, Map.of(), null, null), version);
        } catch (XGBoostError e) {
            throw new IllegalStateException("Training failed: " + e.getMessage(), e);
        }
    }

    /** A model saved by {@link #bytes()} (XGBoost's UBJSON model format). */
    public static RiskModel load(byte[] model, String version) {
        try {
            return new RiskModel(XGBoost.loadModel(model), version);
        } catch (XGBoostError | java.io.IOException e) {
            throw new IllegalArgumentException("Not an XGBoost model: " + e.getMessage(), e);
        }
    }

    public byte[] bytes() {
        try {
            return booster.toByteArray("ubj");
        } catch (XGBoostError e) {
            throw new IllegalStateException(e);
        }
    }

    public String version() {
        return version;
    }

    public List<Prediction> predict(List<Features> rows) {
        if (rows.isEmpty()) return List.of();
        try {
            DMatrix data = matrix(rows);
            float[][] risks = booster.predict(data);
            float[][] contributions = booster.predictContrib(data, 0);
            List<Prediction> out = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                float[] vector = rows.get(i).vector();
                List<Reason> reasons = new ArrayList<>();
                for (int f = 0; f < Features.NAMES.size(); f++) {
                    reasons.add(new Reason(Features.NAMES.get(f), Math.round(vector[f] * 100) / 100.0, round(contributions[i][f])));
                }
                reasons.sort(Comparator.comparingDouble(Reason::contribution).reversed());
                out.add(new Prediction(round(risks[i][0]), List.copyOf(reasons)));
            }
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException("Prediction failed: " + e.getMessage(), e);
        }
    }

    /** The model's AUC on labelled examples it was not trained on. */
    public double auc(List<Example> heldOut) {
        List<Prediction> predictions = predict(heldOut.stream().map(Example::features).toList());
        double[] scores = new double[heldOut.size()];
        boolean[] labels = new boolean[heldOut.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = predictions.get(i).risk();
            labels[i] = heldOut.get(i).failed();
        }
        return Auc.of(scores, labels);
    }

    private static DMatrix matrix(List<Features> rows) throws XGBoostError {
        int columns = Features.NAMES.size();
        float[] data = new float[rows.size() * columns];
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i).vector(), 0, data, i * columns, columns);
        return new DMatrix(data, rows.size(), columns, Float.NaN);
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
