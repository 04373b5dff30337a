package app.domus.maintenance.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic history of equipment for demos and tests, the same for the same seed. Each piece of equipment gets an
 * age, a service history, faults of its category and meter anomalies drawn from distributions like a real estate's, and
 * fails within the next 90 days with a hazard that grows with age past its type's life (a Weibull-like curve), with
 * recent and frequent faults, with recent anomalies and with time since its last service; the rest is noise. A model
 * that learns the hazard from the features ranks failures well above chance, but not perfectly (the labels are drawn).
 */
public final class SyntheticHistory {
    private final SplittableRandom random;

    public SyntheticHistory(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public List<Example> examples(int count) {
        List<Example> out = new ArrayList<>(count);
        EquipmentType[] types = EquipmentType.values();
        for (int i = 0; i < count; i++) {
            EquipmentType type = types[random.nextInt(types.length)];
            Features f = features(type);
            out.add(new Example(type, f, random.nextDouble() < hazard(type, f)));
        }
        return out;
    }

    private Features features(EquipmentType type) {
        double age = random.nextDouble() * type.lifeYears() * 1.6;
        double lifeUsed = age / type.lifeYears();
        // Older equipment breaks more often; some buildings are just rougher on theirs.
        double faultRate = 0.4 + 1.6 * lifeUsed * lifeUsed + (random.nextDouble() < 0.15 ? 2 : 0);
        int faults365 = poisson(faultRate);
        int faults90 = 0;
        double lastFault = Features.NEVER;
        for (int k = 0; k < faults365; k++) {
            double daysAgo = random.nextDouble() * 365;
            if (daysAgo < 90) faults90++;
            lastFault = Math.min(lastFault, daysAgo);
        }
        int anomalies = poisson(0.3 + (random.nextDouble() < 0.2 ? 2.5 : 0));
        double sinceService = random.nextDouble() < 0.1 ? Features.NEVER : random.nextDouble() * 900;
        sinceService = Math.min(sinceService, age * 365);
        return new Features(round(age), round(lifeUsed), faults90, faults365, round(lastFault), anomalies, round(sinceService));
    }

    /** The chance of a failure within 90 days. */
    static double hazard(EquipmentType type, Features f) {
        double ageTerm = 1.8 * Math.pow(Math.max(f.lifeUsed(), 0), 3);
        double recency = f.daysSinceLastFault() < Features.NEVER ? 1.2 * Math.exp(-f.daysSinceLastFault() / 45) : 0;
        double frequency = 0.35 * f.faults90d() + 0.12 * f.faults365d();
        double anomalies = 0.4 * Math.min(f.anomalies90d(), 5);
        double service = 1.2 * Math.min(f.daysSinceService(), 1000) / 1000;
        double logit = -4.3 + ageTerm + recency + frequency + anomalies + service;
        return 1 / (1 + Math.exp(-logit));
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean), p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > limit);
        return k - 1;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
