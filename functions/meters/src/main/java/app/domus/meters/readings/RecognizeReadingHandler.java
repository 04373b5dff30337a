package app.domus.meters.readings;

import app.domus.meters.MeterEvents;
import app.domus.meters.MetersComponent;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import java.time.Duration;

/** On {@code MeterReadingSubmitted}: the photo's OCR and the comparison with the submitted value ({@link OcrReview}). */
public class RecognizeReadingHandler extends EventConsumer<MeterEvents.ReadingSubmitted> {
    private final OcrReview review;

    public RecognizeReadingHandler() {
        this(MetersComponent.create());
    }

    private RecognizeReadingHandler(MetersComponent wiring) {
        this(wiring.idempotency(), wiring.ocrReview());
    }

    RecognizeReadingHandler(IdempotencyStore idempotency, OcrReview review) {
        super(MeterEvents.ReadingSubmitted.class, idempotency, MeterEvents.READING_SUBMITTED);
        this.review = review;
    }

    /** The function's timeout: Textract, or Tesseract on a large photo, takes seconds. */
    @Override
    protected Duration inProgressWindow() {
        return Duration.ofSeconds(60);
    }

    @Override
    protected void handle(MeterEvents.ReadingSubmitted event) {
        review.review(event);
    }
}
