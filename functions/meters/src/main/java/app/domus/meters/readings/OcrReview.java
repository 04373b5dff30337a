package app.domus.meters.readings;

import app.domus.meters.MeterEvents;
import app.domus.meters.ocr.MeterOcr;
import app.domus.meters.ocr.Recognition;
import app.domus.meters.registry.MeterItem;
import app.domus.shared.events.Outbox;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * The second half of flow 9: the photo of a pending reading is read by the OCR engine, the value it found is stored
 * beside the submitted one with its confidence, and the reading is accepted, flagged for the manager's review (a
 * mismatch beyond the meter's tolerance, an unsure or unreadable photo, or a plausibility flag found at submission), or
 * marked {@code OCR_UNAVAILABLE} when no engine could run (the submitted value stands; nothing is made up).
 */
@Singleton
public class OcrReview {
    public static final String OCR_MISMATCH = "ocr_mismatch";
    public static final String OCR_UNSURE = "ocr_unsure";
    public static final String OCR_UNREADABLE = "ocr_unreadable";
    public static final String OCR_UNAVAILABLE = "ocr_unavailable";
    /** Below this, what the engine read is not trusted either way. */
    static final double MIN_CONFIDENCE = 0.6;

    private final DomusTable table;
    private final MeterPhotos photos;
    private final MeterOcr ocr;
    private final Outbox outbox;

    @Inject
    public OcrReview(DomusTable table, MeterPhotos photos, MeterOcr ocr, Outbox outbox) {
        this.table = table;
        this.photos = photos;
        this.ocr = ocr;
        this.outbox = outbox;
    }

    public void review(MeterEvents.ReadingSubmitted submitted) {
        long at = Long.parseLong(submitted.readingId().substring(submitted.readingId().lastIndexOf('-') + 1));
        Optional<ReadingItem> found = table.get(ReadingItem.class, ReadingItem.pk(submitted.meterId()), ReadingItem.sk(at));
        if (found.isEmpty() || !ReadingItem.PENDING.equals(found.get().getStatus())) return; // already reviewed, or corrected
        ReadingItem reading = found.get();
        MeterItem meter = table.get(MeterItem.class, MeterItem.pk(reading.getMeterId()), MeterItem.SK).orElseThrow();
        Recognition recognition = ocr.read(meter.getOrganisationId(), photos.read(reading.getPhotoKey()));

        List<String> flags = new ArrayList<>(reading.getFlags() == null ? List.of() : reading.getFlags());
        reading.setOcrEngine(recognition.engine());
        switch (recognition.status()) {
            case READ -> {
                BigDecimal read = recognition.value().orElseThrow();
                reading.setOcrValue(read.toPlainString());
                reading.setOcrConfidence(recognition.confidence());
                if (recognition.confidence() < MIN_CONFIDENCE) flags.add(OCR_UNSURE);
                else if (read.subtract(new BigDecimal(reading.getValue())).abs().compareTo(tolerance(meter)) > 0) flags.add(OCR_MISMATCH);
            }
            case UNREADABLE -> flags.add(OCR_UNREADABLE);
            case ENGINE_UNAVAILABLE -> { }
        }
        boolean noEngine = recognition.status() == Recognition.Status.ENGINE_UNAVAILABLE;
        // Without an engine the reading says so: by its status, or, when it is flagged for another reason, by a flag.
        if (noEngine && !flags.isEmpty()) flags.add(OCR_UNAVAILABLE);
        reading.setFlags(flags.isEmpty() ? null : flags);
        if (!flags.isEmpty()) reading.setStatus(ReadingItem.FLAGGED);
        else reading.setStatus(noEngine ? ReadingItem.OCR_UNAVAILABLE : ReadingItem.ACCEPTED);
        if (!flags.isEmpty()) ReadingService.markFlagged(reading);

        var transaction = TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table.of(ReadingItem.class), reading);
        if (!flags.isEmpty()) {
            outbox.add(transaction, MeterEvents.READING_FLAGGED, meter.getOrganisationId(), meter.getId(), ReadingService.flagged(reading, meter));
        }
        // A concurrent correction makes this fail on the version; the redelivery then finds the reading no longer pending.
        table.client().transactWriteItems(transaction.build());
    }

    static BigDecimal tolerance(MeterItem meter) {
        return meter.getOcrTolerance() != null ? new BigDecimal(meter.getOcrTolerance()) : meter.typeValue().ocrTolerance();
    }
}
