package app.domus.maintenance.model;

import java.util.List;

/**
 * What the model knows of one piece of equipment on one day, each feature one a manager can read and act on: its age
 * (in years and as a share of its type's life), the faults of its category in its building (in the last 90 and 365
 * days, and the days since the last), the anomalies of the building's meters in the last 90 days, and the days since it
 * was last serviced.
 */
public record Features(
        double ageYears,
        double lifeUsed,
        int faults90d,
        int faults365d,
        double daysSinceLastFault,
        int anomalies90d,
        double daysSinceService) {

    /** The model's feature names, in the order of {@link #vector()}. */
    public static final List<String> NAMES = List.of(
            "age_years", "life_used", "faults_90d", "faults_365d", "days_since_last_fault", "anomalies_90d",
            "days_since_service");

    /** Days since a fault or a service that never happened: as long ago as the data goes. */
    public static final double NEVER = 3650;

    public float[] vector() {
        return new float[] {
            (float) ageYears, (float) lifeUsed, faults90d, faults365d, (float) Math.min(daysSinceLastFault, NEVER),
            anomalies90d, (float) Math.min(daysSinceService, NEVER)
        };
    }
}
