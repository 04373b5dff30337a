package app.domus.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Min, median and max of a figure's runs. */
record Stats(double min, double median, double max, int n) {
    static Stats of(List<Double> values) {
        if (values.isEmpty()) return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(sorted.get(0), median, sorted.get(n - 1), n);
    }

    boolean empty() {
        return n == 0;
    }

    /** {@code median (min–max)}, with the given decimals. */
    String format(int decimals) {
        if (empty()) return "–";
        if (n == 1) return number(median, decimals);
        return number(median, decimals) + " (" + number(min, decimals) + "–" + number(max, decimals) + ")";
    }

    String medianText(int decimals) {
        return empty() ? "–" : number(median, decimals);
    }

    static String number(double value, int decimals) {
        if (Double.isNaN(value)) return "–";
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** The p-th percentile (0–100) of sorted values, nearest rank. */
    static double percentile(long[] sorted, int count, double p) {
        if (count == 0) return Double.NaN;
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))];
    }

    /** The p-th percentile (nearest rank) of values sorted ascending; 0 for none. */
    static double percentile(java.util.List<Long> sorted, double p) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
