package app.domus.meters.readings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.meters.MeterEvents;
import app.domus.meters.MetersFixture;
import app.domus.meters.ocr.Recognition;
import app.domus.meters.registry.MeterItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.testing.DirectoryWorld;
import app.domus.shared.testing.Images;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Flow 9 without HTTP: submission, the OCR review, corrections, and who may do what. */
class ManualReadingsTest {
    private final MetersFixture f = new MetersFixture();
    private final MeterItem meter = f.electricityMeter();
    private final String photo = Base64.getEncoder().encodeToString(Images.png());

    private ReadingItem submit(String who, String value, String photoBase64) {
        return f.readings.submit(DirectoryWorld.caller(who), new ReadingRequests.SubmitReading(meter.getId(), new BigDecimal(value), null, photoBase64));
    }

    private ReadingItem reviewed(ReadingItem submitted) {
        var event = f.events.ofType(MeterEvents.READING_SUBMITTED).getLast();
        f.review.review(app.domus.shared.json.Json.MAPPER.convertValue(event.payload(), MeterEvents.ReadingSubmitted.class));
        return f.readings.load(submitted.getId()).orElseThrow();
    }

    @Test
    void aReadingWithAPhotoIsPendingItsPhotoStoredAndOcrAskedForInTheSameWrite() {
        ReadingItem reading = submit(f.owner, "1234.5", photo);
        assertThat(reading.getStatus()).isEqualTo(ReadingItem.PENDING);
        assertThat(f.photos).containsKey(reading.getPhotoKey());
        assertThat(f.events.ofType(MeterEvents.READING_SUBMITTED)).singleElement()
                .satisfies(e -> assertThat(e.payload().path("photoKey").asText()).isEqualTo(reading.getPhotoKey()));
        assertThat(f.readings.load(reading.getId())).get().extracting(ReadingItem::getValue).isEqualTo("1234.5");
    }

    @Test
    void anOcrValueThatAgreesAcceptsTheReadingAndIsStoredBesideIt() {
        ReadingItem reading = submit(f.tenant, "1234.5", photo);
        f.ocr.set(Recognition.read(new BigDecimal("1234.7"), 0.93, "test"));
        ReadingItem after = reviewed(reading);
        assertThat(after.getStatus()).isEqualTo(ReadingItem.ACCEPTED);
        assertThat(after.getOcrValue()).isEqualTo("1234.7");
        assertThat(after.getOcrConfidence()).isEqualTo(0.93);
        assertThat(f.events.ofType(MeterEvents.READING_FLAGGED)).isEmpty();
    }

    @Test
    void aMismatchBeyondTheToleranceFlagsTheReadingForTheManager() {
        ReadingItem reading = submit(f.owner, "1234.5", photo);
        f.ocr.set(Recognition.read(new BigDecimal("1284.5"), 0.95, "test"));
        ReadingItem after = reviewed(reading);
        assertThat(after.getStatus()).isEqualTo(ReadingItem.FLAGGED);
        assertThat(after.getFlags()).containsExactly(OcrReview.OCR_MISMATCH);
        assertThat(f.events.ofType(MeterEvents.READING_FLAGGED)).singleElement()
                .satisfies(e -> assertThat(e.payload().path("ocrValue").asText()).isEqualTo("1284.5"));
        assertThat(f.queries.flagged(DirectoryWorld.caller(f.manager), f.building.getId(), 10, null).items())
                .extracting(ReadingItem::getId).containsExactly(reading.getId());
    }

    @Test
    void withoutAnEngineTheReadingSaysSoAndKeepsTheSubmittedValue() {
        ReadingItem reading = submit(f.owner, "50", photo);
        f.ocr.set(Recognition.engineUnavailable("tesseract"));
        ReadingItem after = reviewed(reading);
        assertThat(after.getStatus()).isEqualTo(ReadingItem.OCR_UNAVAILABLE);
        assertThat(after.getOcrValue()).isNull();
        assertThat(after.getValue()).isEqualTo("50");
    }

    @Test
    void aValueBelowThePreviousReadingIsFlaggedAtOnceWithoutAPhoto() {
        submit(f.owner, "100", null);
        f.clock.advance(Duration.ofDays(30));
        ReadingItem lower = submit(f.owner, "90", null);
        assertThat(lower.getStatus()).isEqualTo(ReadingItem.FLAGGED);
        assertThat(lower.getFlags()).containsExactly(ReadingChecks.BELOW_PREVIOUS);
        assertThat(f.events.ofType(MeterEvents.READING_FLAGGED)).hasSize(1);
    }

    @Test
    void aManagerCorrectsAReadingWithWhoAndWhy() {
        submit(f.owner, "100", null);
        f.clock.advance(Duration.ofDays(30));
        ReadingItem lower = submit(f.owner, "90", null);
        ReadingItem corrected = f.readings.correct(DirectoryWorld.caller(f.manager), lower.getId(),
                new ReadingRequests.CorrectReading(new BigDecimal("190"), "digit misread by the owner"), Optional.empty());
        assertThat(corrected.getStatus()).isEqualTo(ReadingItem.CORRECTED);
        assertThat(corrected.effectiveValue()).isEqualTo("190");
        assertThat(f.events.ofType(MeterEvents.READING_CORRECTED)).singleElement().satisfies(e -> {
            assertThat(e.payload().path("previousValue").asText()).isEqualTo("90");
            assertThat(e.payload().path("correctedBy").asText()).isEqualTo(f.manager);
        });
        assertThat(f.queries.flagged(DirectoryWorld.caller(f.manager), f.building.getId(), 10, null).items()).isEmpty();
        assertThatThrownBy(() -> f.readings.correct(DirectoryWorld.caller(f.owner), lower.getId(),
                new ReadingRequests.CorrectReading(null, "mine"), Optional.empty()))
                .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).type().status()).isEqualTo(403);
    }

    @Test
    void onlyTheUnitsResidentsAndTheManagersSubmitAndOutsidersDoNotSeeTheMeter() {
        // A member of the organisation without a right to the unit is told no; someone outside it, that there is nothing.
        assertThat(status(() -> submit(f.otherOwner, "1", null))).isEqualTo(403);
        assertThat(status(() -> submit(f.outsider, "1", null))).isEqualTo(404);
        assertThat(status(() -> submit(f.technician, "1", null))).isEqualTo(403);
        assertThat(submit(f.manager, "1", null).getStatus()).isEqualTo(ReadingItem.ACCEPTED);
    }

    @Test
    void aPhotoSentBeforehandThroughUploadsIsTakenOnceAndOnlyByItsOwner() {
        var upload = f.upload(f.owner, Images.png());
        var request = new ReadingRequests.SubmitReading(meter.getId(), new BigDecimal("7"), null, null, upload.getId());
        assertThat(status(() -> f.readings.submit(DirectoryWorld.caller(f.tenant), request))).isEqualTo(400);
        ReadingItem reading = f.readings.submit(DirectoryWorld.caller(f.owner), request);
        assertThat(reading.getStatus()).isEqualTo(ReadingItem.PENDING);
        assertThat(f.photos.get(reading.getPhotoKey())).isEqualTo(Images.png());
        assertThat(f.table.get(app.domus.shared.uploads.UploadItem.class, upload.getPk(), upload.getSk()).orElseThrow())
                .satisfies(u -> assertThat(u.getStatus()).isEqualTo(app.domus.shared.uploads.UploadItem.USED))
                .satisfies(u -> assertThat(u.getUsedFor()).isEqualTo("meter-reading:" + reading.getId()));
        f.clock.advance(Duration.ofHours(1));
        assertThat(status(() -> f.readings.submit(DirectoryWorld.caller(f.owner), request))).isEqualTo(400);
        var notSent = f.upload(f.owner, null);
        assertThat(status(() -> f.readings.submit(DirectoryWorld.caller(f.owner),
                new ReadingRequests.SubmitReading(meter.getId(), new BigDecimal("8"), null, null, notSent.getId())))).isEqualTo(400);
        var pdf = f.upload(f.owner, Images.pdf());
        assertThat(status(() -> f.readings.submit(DirectoryWorld.caller(f.owner),
                new ReadingRequests.SubmitReading(meter.getId(), new BigDecimal("8"), null, null, pdf.getId())))).isEqualTo(400);
    }

    @Test
    void aPhotoThatIsNotAnImageIsRefusedAndNothingIsStored() {
        String pdf = Base64.getEncoder().encodeToString(Images.pdf());
        assertThat(status(() -> submit(f.owner, "1", pdf))).isEqualTo(400);
        assertThat(f.photos).isEmpty();
        assertThat(f.queries.readings(DirectoryWorld.caller(f.owner), meter.getId(), null, null, 10, null).items()).isEmpty();
    }

    @Test
    void consumptionPerDayIsTheRegisterAtEachDaysEndMinusItsStart() {
        java.time.Instant day1 = java.time.Instant.parse("2026-03-02T09:00:00Z");
        f.clock.set(day1);
        submit(f.owner, "100", null);
        f.clock.set(day1.plus(Duration.ofDays(1)));
        submit(f.owner, "104.5", null);
        f.clock.set(day1.plus(Duration.ofDays(2)));
        submit(f.owner, "110", null);
        var periods = f.queries.consumption(DirectoryWorld.caller(f.owner), meter.getId(), "day",
                java.time.LocalDate.parse("2026-03-03"), java.time.LocalDate.parse("2026-03-03"));
        assertThat(periods).singleElement().satisfies(p -> {
            assertThat(p.startValue()).isEqualByComparingTo("100");
            assertThat(p.endValue()).isEqualByComparingTo("104.5");
            assertThat(p.consumption()).isEqualByComparingTo("4.5");
        });
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (ApiException e) {
            return e.type().status();
        }
    }
}
