package app.domus.finance.consumption;

import app.domus.finance.FinanceComponent;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;

/**
 * Finance's projection of the meters' readings (for billing consumption): {@code MeterReadingReceived},
 * {@code MeterReadingSubmitted}, {@code MeterReadingFlagged}, {@code MeterReadingCorrected} and
 * {@code MeterAnomalyDetected}, kept per meter by {@link MeterReadings}.
 */
public class MeterReadingsHandler extends EventConsumer<MeterReadings.News> {
    public static final String[] EVENTS = {"MeterReadingReceived", "MeterReadingSubmitted", "MeterReadingFlagged", "MeterReadingCorrected",
            "MeterAnomalyDetected"};

    private final MeterReadings readings;

    public MeterReadingsHandler() {
        this(FinanceComponent.create());
    }

    private MeterReadingsHandler(FinanceComponent wiring) {
        this(wiring.idempotency(), wiring.meterReadings());
    }

    MeterReadingsHandler(IdempotencyStore idempotency, MeterReadings readings) {
        super(MeterReadings.News.class, idempotency, EVENTS);
        this.readings = readings;
    }

    @Override
    protected void handle(MeterReadings.News news) {
        readings.apply(news);
    }
}
