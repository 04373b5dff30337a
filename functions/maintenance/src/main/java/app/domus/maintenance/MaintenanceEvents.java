package app.domus.maintenance;

/** The events the maintenance context publishes (payloads in events/ and TABLE_DESIGN.md). */
public final class MaintenanceEvents {
    /** A piece of equipment's failure risk for a day: its level, score, top reasons and the model's version. */
    public static final String PREDICTION_GENERATED = "PredictionGenerated";

    private MaintenanceEvents() {}
}
