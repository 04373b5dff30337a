package app.domus.maintenance.model;

import java.util.Arrays;
import java.util.Comparator;

/** The area under the ROC curve: the chance that a random failure is scored above a random non-failure (ties half). */
public final class Auc {
    private Auc() {}

    public static double of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) throw new IllegalArgumentException("scores and labels differ in length");
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double rankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) j++;
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) if (positive[order[k]]) {
                rankSum += rank;
                positives++;
            }
            i = j + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) throw new IllegalArgumentException("AUC needs both classes");
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
