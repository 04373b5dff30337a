package app.domus.meters.readings;

import static app.domus.shared.testing.Refusals.detail;
import static app.domus.shared.testing.Refusals.errors;
import static app.domus.shared.testing.Refusals.field;
import static app.domus.shared.testing.Refusals.status;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.meters.MeterEvents;
import app.domus.meters.MetersFixture;
import app.domus.meters.registry.MeterItem;
import app.domus.meters.registry.MeterRequests;
import app.domus.shared.testing.DirectoryWorld;
import app.domus.shared.testing.Images;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Readings by hand: what is stored, when they are refused, how they are found by id, and a manager's correction. */
class ReadingServiceTest {
    private final MetersFixture f = new MetersFixture();
    private final MeterItem meter = f.meters.create(DirectoryWorld.caller(f.manager), new MeterRequests.CreateMeter(f.unit1.getId(), null,
            "electricity", "E-1", null, "2026-02-01", new BigDecimal("100"), null));

    private ReadingItem submit(String who, String value, String readAt, String photo) {
        return f.readings.submit(DirectoryWorld.caller(who), new ReadingRequests.SubmitReading(meter.getId(), new BigDecimal(value), readAt, photo));
    }

    private MeterStateItem state() {
        return f.table.get(MeterStateItem.class, MeterStateItem.pk(meter.getId()), MeterStateItem.SK).orElseThrow();
    }

    @Test
    void anAcceptedReadingIsStoredWithItsPlaceWhoAndWhenAndTheConsumptionSinceTheStart() {
        ReadingItem reading = submit(f.tenant, "112.5", null, null);
        ReadingItem stored = f.readings.load(reading.getId()).orElseThrow();
        assertThat(stored.getId()).isEqualTo(meter.getId() + "-" + DirectoryWorld.START.toEpochMilli());
        assertThat(stored.getMeterId()).isEqualTo(meter.getId());
        assertThat(stored.getOrganisationId()).isEqualTo(f.org);
        assertThat(stored.getBuildingId()).isEqualTo(f.building.getId());
        assertThat(stored.getUnitId()).isEqualTo(f.unit1.getId());
        assertThat(stored.getReadAt()).isEqualTo(DirectoryWorld.START.toString());
        assertThat(stored.getReceivedAt()).isEqualTo(DirectoryWorld.START.toString());
        assertThat(stored.getSource()).isEqualTo(ReadingItem.MANUAL);
        assertThat(stored.getSubmittedBy()).isEqualTo(f.tenant);
        assertThat(stored.getStatus()).isEqualTo(ReadingItem.ACCEPTED);
        assertThat(stored.getConsumption()).isEqualTo("12.5");
        assertThat(stored.getFlags()).isNullOrEmpty();
        assertThat(stored.getPhotoKey()).isNull();
        assertThat(stored.getGsi1pk()).as("not in the flagged list").isNull();
        assertThat(reading.getVersion()).isEqualTo(1L);
        assertThat(f.events.all()).filteredOn(e -> e.type().startsWith("MeterReading")).isEmpty();
        assertThat(state().getLastValue()).isEqualTo("112.5");
        assertThat(state().getLastAtMs()).isEqualTo(DirectoryWorld.START.toEpochMilli());
    }

    @Test
    void aReadingMayBeDatedAFewMinutesAheadButNotLaterAndNotBeforeTheMeterWasInstalled() {
        assertThat(field(() -> submit(f.owner, "101", DirectoryWorld.START.plus(Duration.ofMinutes(5)).plusSeconds(1).toString(), null)))
                .isEqualTo("readAt");
        assertThat(submit(f.owner, "101", DirectoryWorld.START.plus(Duration.ofMinutes(5)).toString(), null).getReadAt())
                .isEqualTo(DirectoryWorld.START.plus(Duration.ofMinutes(5)).toString());
        assertThat(field(() -> submit(f.owner, "100", "2026-01-31T23:59:59Z", null))).isEqualTo("readAt");
        assertThat(submit(f.owner, "100", "2026-02-01T00:00:00Z", null).getReadAt()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(submit(f.owner, "100.5", "2026-02-10T10:00:00+02:00", null).getReadAt()).isEqualTo("2026-02-10T08:00:00Z");
    }

    @Test
    void aRetiredMeterTakesNoReadings() {
        f.meters.retire(DirectoryWorld.caller(f.manager), meter.getId(), new MeterRequests.RetireMeter("2026-02-20", null));
        assertThat(status(() -> submit(f.owner, "150", null, null))).isEqualTo(409);
        assertThat(f.partition(ReadingItem.class, ReadingItem.pk(meter.getId()))).isEmpty();
    }

    @Test
    void aSecondReadingAtTheSameInstantIsAConflictAndTheFirstStays() {
        submit(f.owner, "120", "2026-02-15T08:00:00Z", null);
        assertThat(status(() -> submit(f.tenant, "125", "2026-02-15T08:00:00Z", null))).isEqualTo(409);
        assertThat(f.partition(ReadingItem.class, ReadingItem.pk(meter.getId()))).filteredOn(r -> !r.getSk().startsWith("DAY#"))
                .singleElement().satisfies(r -> assertThat(r.getValue()).isEqualTo("120"));
    }

    @Test
    void aReadingOlderThanTheNewestIsStoredButLeavesTheMetersStateAlone() {
        submit(f.owner, "150", "2026-03-01T08:00:00Z", null);
        ReadingItem late = submit(f.owner, "130", "2026-02-20T08:00:00Z", null);
        assertThat(late.getStatus()).isEqualTo(ReadingItem.ACCEPTED);
        assertThat(late.getConsumption()).isNull();
        assertThat(state().getLastValue()).isEqualTo("150");
        assertThat(state().getLastAtMs()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z").toEpochMilli());
    }

    @Test
    void aFlaggedReadingIsListedForTheManagerWithItsEventWrittenBesideIt() {
        ReadingItem lower = submit(f.owner, "90", null, null);
        assertThat(lower.getStatus()).isEqualTo(ReadingItem.FLAGGED);
        ReadingItem stored = f.readings.load(lower.getId()).orElseThrow();
        assertThat(stored.getGsi1pk()).isEqualTo(ReadingItem.flaggedIn(f.building.getId()));
        assertThat(stored.getGsi1sk()).isEqualTo(stored.getSk() + "#" + meter.getId());
        assertThat(f.events.ofType(MeterEvents.READING_FLAGGED)).singleElement().satisfies(e -> {
            assertThat(e.payload().path("readingId").asText()).isEqualTo(lower.getId());
            assertThat(e.payload().path("value").asText()).isEqualTo("90");
            assertThat(e.payload().path("unitId").asText()).isEqualTo(f.unit1.getId());
            assertThat(e.payload().path("reasons").toString()).contains(ReadingChecks.BELOW_PREVIOUS);
        });
        assertThat(state().getLastValue()).as("an implausible value is no baseline").isNull();
    }

    @Test
    void aPhotoReadingAsksForOcrWithEverythingTheReviewNeeds() {
        ReadingItem reading = submit(f.owner, "140", null, Base64.getEncoder().encodeToString(Images.png()));
        assertThat(reading.getPhotoKey()).isEqualTo("meter-readings/" + meter.getId() + "/" + reading.getId() + ".png");
        assertThat(f.events.ofType(MeterEvents.READING_SUBMITTED)).singleElement().satisfies(e -> {
            assertThat(e.payload().path("readingId").asText()).isEqualTo(reading.getId());
            assertThat(e.payload().path("meterId").asText()).isEqualTo(meter.getId());
            assertThat(e.payload().path("organisationId").asText()).isEqualTo(f.org);
            assertThat(e.payload().path("buildingId").asText()).isEqualTo(f.building.getId());
            assertThat(e.payload().path("value").asText()).isEqualTo("140");
            assertThat(e.payload().path("photoKey").asText()).isEqualTo(reading.getPhotoKey());
        });
        assertThat(f.events.ofType(MeterEvents.READING_FLAGGED)).isEmpty();
    }

    @Test
    void aPhotoThatIsNotBase64IsEmptyOrTooLargeIsRefusedAndNothingIsStored() {
        assertThat(field(() -> submit(f.owner, "140", null, "not base64 at all!"))).isEqualTo("photo");
        assertThat(field(() -> submit(f.owner, "140", null, "===="))).isEqualTo("photo");
        byte[] big = new byte[(int) ReadingService.MAX_PHOTO_BYTES + 1];
        System.arraycopy(Images.png(), 0, big, 0, Images.png().length);
        assertThat(field(() -> submit(f.owner, "140", null, Base64.getEncoder().encodeToString(big)))).isEqualTo("photo");
        assertThat(f.photos).isEmpty();
        assertThat(f.partition(ReadingItem.class, ReadingItem.pk(meter.getId()))).isEmpty();
    }

    @Test
    void anUploadNeverSentSaysWhetherItsUrlHasExpired() {
        var upload = f.upload(f.owner, null);
        var request = new ReadingRequests.SubmitReading(meter.getId(), new BigDecimal("8"), null, null, upload.getId());
        assertThat(detail(() -> f.readings.submit(DirectoryWorld.caller(f.owner), request))).contains("has not been sent yet");
        f.clock.advance(Duration.ofMinutes(16));
        assertThat(detail(() -> f.readings.submit(DirectoryWorld.caller(f.owner), request))).contains("expired");
    }

    @Test
    void aReadingIsFoundByItsIdOnlyWhenTheIdIsWellFormed() {
        ReadingItem reading = submit(f.owner, "110", null, null);
        assertThat(f.readings.load(reading.getId())).get().extracting(ReadingItem::getValue).isEqualTo("110");
        String at = String.valueOf(DirectoryWorld.START.toEpochMilli());
        for (String id : new String[] {null, "", "nodash", meter.getId() + "-", "-" + at, meter.getId() + "-abc",
                meter.getId() + "-99999999999999", meter.getId() + "-" + (DirectoryWorld.START.toEpochMilli() + 1),
                "x".repeat(48) + "-" + at, "other-" + at}) {
            assertThat(f.readings.load(id)).as(String.valueOf(id)).isEmpty();
        }
    }

    @Test
    void aReadingIsShownToWhoMaySeeItsMeterOnly() {
        ReadingItem reading = submit(f.owner, "110", null, null);
        for (String may : List.of(f.owner, f.tenant, f.manager, f.technician)) {
            assertThat(f.readings.get(DirectoryWorld.caller(may), reading.getId()).getId()).as(may).isEqualTo(reading.getId());
        }
        assertThat(status(() -> f.readings.get(DirectoryWorld.caller(f.otherOwner), reading.getId()))).isIn(403, 404);
        assertThat(status(() -> f.readings.get(DirectoryWorld.caller(f.outsider), reading.getId()))).isEqualTo(404);
        assertThat(status(() -> f.readings.get(DirectoryWorld.caller(f.manager), meter.getId() + "-1"))).isEqualTo(404);
    }

    @Test
    void aConfirmationKeepsTheValueAndAStaleVersionIsRefused() {
        ReadingItem lower = submit(f.owner, "90", null, null);
        long version = f.readings.load(lower.getId()).orElseThrow().getVersion();
        assertThat(status(() -> f.readings.correct(DirectoryWorld.caller(f.manager), lower.getId(),
                new ReadingRequests.CorrectReading(null, "checked on site"), Optional.of(version + 1)))).isEqualTo(412);
        assertThat(f.readings.load(lower.getId()).orElseThrow().getStatus()).isEqualTo(ReadingItem.FLAGGED);

        ReadingItem confirmed = f.readings.correct(DirectoryWorld.caller(f.manager), lower.getId(),
                new ReadingRequests.CorrectReading(null, "  checked on site  "), Optional.of(version));
        assertThat(confirmed.getVersion()).isEqualTo(version + 1);
        ReadingItem stored = f.readings.load(lower.getId()).orElseThrow();
        assertThat(stored.getCorrectedValue()).isEqualTo("90");
        assertThat(stored.getValue()).isEqualTo("90");
        assertThat(stored.getCorrectedBy()).isEqualTo(f.manager);
        assertThat(stored.getCorrectionReason()).isEqualTo("checked on site");
        assertThat(stored.getCorrectedAt()).isEqualTo(DirectoryWorld.START.toString());
        assertThat(stored.getStatus()).isEqualTo(ReadingItem.CORRECTED);
        assertThat(stored.getGsi1pk()).isNull();
        assertThat(f.events.ofType(MeterEvents.READING_CORRECTED)).singleElement().satisfies(e -> {
            assertThat(e.payload().path("previousValue").asText()).isEqualTo("90");
            assertThat(e.payload().path("value").asText()).isEqualTo("90");
            assertThat(e.payload().path("reason").asText()).isEqualTo("checked on site");
            assertThat(e.payload().path("correctedBy").asText()).isEqualTo(f.manager);
        });
        // A later confirmation starts from the corrected value, not the submitted one.
        f.readings.correct(DirectoryWorld.caller(f.manager), lower.getId(), new ReadingRequests.CorrectReading(new BigDecimal("190"), "digit"),
                Optional.empty());
        f.readings.correct(DirectoryWorld.caller(f.manager), lower.getId(), new ReadingRequests.CorrectReading(null, "confirmed"), Optional.empty());
        assertThat(f.events.ofType(MeterEvents.READING_CORRECTED)).last()
                .satisfies(e -> assertThat(e.payload().path("previousValue").asText()).isEqualTo("190"))
                .satisfies(e -> assertThat(e.payload().path("value").asText()).isEqualTo("190"));
        assertThat(f.readings.load(lower.getId()).orElseThrow().effectiveValue()).isEqualTo("190");
        assertThat(status(() -> f.readings.correct(DirectoryWorld.caller(f.manager), meter.getId() + "-1",
                new ReadingRequests.CorrectReading(null, "nothing"), Optional.empty()))).isEqualTo(404);
    }

    @Test
    void theRequestsSayWhichFieldIsWrong() {
        assertThat(errors(new ReadingRequests.SubmitReading(null, null, null, null))).containsExactly("meterId", "value");
        assertThat(errors(new ReadingRequests.SubmitReading(meter.getId(), new BigDecimal("-1"), null, null))).containsExactly("value");
        assertThat(errors(new ReadingRequests.SubmitReading(meter.getId(), new BigDecimal("1.1234567"), null, null))).containsExactly("value");
        assertThat(errors(new ReadingRequests.SubmitReading(meter.getId(), new BigDecimal("1234567890123"), null, null))).containsExactly("value");
        assertThat(errors(new ReadingRequests.SubmitReading(meter.getId(), BigDecimal.ONE, "yesterday", null))).containsExactly("readAt");
        assertThat(errors(new ReadingRequests.SubmitReading(meter.getId(), BigDecimal.ONE, "2026-02-10T10:00:00Z" + " ".repeat(30), null)))
                .containsExactly("readAt");
        assertThat(errors(new ReadingRequests.SubmitReading(meter.getId(), BigDecimal.ONE, null, "  "))).containsExactly("photo");
        assertThat(errors(new ReadingRequests.SubmitReading(meter.getId(), BigDecimal.ONE, null, "abcd", "01JUPLOAD00000000000000000")))
                .containsExactly("photoUploadId");
        assertThat(errors(new ReadingRequests.SubmitReading(meter.getId(), BigDecimal.ONE, "2026-02-10T10:00:00+01:00", "abcd"))).isEmpty();
        assertThat(errors(new ReadingRequests.CorrectReading(null, null))).containsExactly("reason");
        assertThat(errors(new ReadingRequests.CorrectReading(null, "ok"))).containsExactly("reason");
        assertThat(errors(new ReadingRequests.CorrectReading(new BigDecimal("-3"), "fine reason"))).containsExactly("value");
        assertThat(errors(new ReadingRequests.CorrectReading(BigDecimal.ZERO, "fine reason"))).isEmpty();
    }
}
