package app.domus.meters.readings;

import app.domus.meters.MeterAccess;
import app.domus.meters.MeterEvents;
import app.domus.meters.registry.MeterItem;
import app.domus.shared.auth.Caller;
import app.domus.shared.events.Outbox;
import app.domus.shared.http.ApiException;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.photos.PhotoFormat;
import app.domus.shared.uploads.UploadItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Readings by hand (flow 9): checked for plausibility at once against the meter's kept state; with a photo the reading
 * is pending until the OCR consumer has compared the photo's value with the submitted one ({@code MeterReadingSubmitted}
 * asks for it, written in the same transaction as the reading). Without a photo it is accepted or flagged straight away.
 * Managers confirm or correct a reading ({@code MeterReadingCorrected}).
 */
@Singleton
public class ReadingService {
    public static final long MAX_PHOTO_BYTES = 4L * 1024 * 1024;
    /** Uploads go straight to S3, so they are not bound by Lambda's request size. */
    public static final long MAX_UPLOADED_PHOTO_BYTES = 10L * 1024 * 1024;
    static final Duration FUTURE_SLACK = Duration.ofMinutes(5);

    private final DomusTable table;
    private final MeterAccess access;
    private final MeterPhotos photos;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public ReadingService(DomusTable table, MeterAccess access, MeterPhotos photos, Outbox outbox, Clock clock) {
        this.table = table;
        this.access = access;
        this.photos = photos;
        this.outbox = outbox;
        this.clock = clock;
    }

    public ReadingItem submit(Caller caller, ReadingRequests.SubmitReading request) {
        MeterItem meter = access.meter(caller, request.meterId(), MeterAccess.Need.SUBMIT);
        if (!meter.isActive()) throw ApiException.conflict("The meter is retired; submit readings of the meter that replaced it");
        Instant now = clock.instant();
        Instant at = request.readAtInstant() != null ? request.readAtInstant() : now;
        if (at.isAfter(now.plus(FUTURE_SLACK))) throw ApiException.validation("readAt", "must not be in the future");
        if (at.isBefore(LocalDate.parse(meter.getInstalledOn()).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw ApiException.validation("readAt", "must not be before the meter was installed (" + meter.getInstalledOn() + ")");
        }
        byte[] photo = null;
        PhotoFormat format = null;
        UploadItem upload = request.photoUploadId() == null ? null : upload(caller, request.photoUploadId());
        if (upload != null) format = uploadFormat(upload);
        if (request.photo() != null) {
            photo = decode(request.photo());
            format = PhotoFormat.recognise(Arrays.copyOf(photo, Math.min(photo.length, PhotoFormat.SIGNATURE_BYTES)))
                    .orElseThrow(() -> ApiException.validation("photo", "must be a JPEG, PNG or WebP image (recognised by its content)"));
        }
        long atMs = at.toEpochMilli();
        MeterStateItem state = table.get(MeterStateItem.class, MeterStateItem.pk(meter.getId()), MeterStateItem.SK)
                .orElseGet(() -> MeterStateItem.fresh(meter.getId()));
        ReadingChecks.Outcome outcome = ReadingChecks.check(meter, state, request.value(), atMs, meter.typeValue().spikeFactor());

        ReadingItem reading = new ReadingItem();
        reading.setPk(ReadingItem.pk(meter.getId()));
        reading.setSk(ReadingItem.sk(atMs));
        reading.setId(ReadingItem.id(meter.getId(), atMs));
        reading.setMeterId(meter.getId());
        reading.setOrganisationId(meter.getOrganisationId());
        reading.setBuildingId(meter.getBuildingId());
        reading.setUnitId(meter.getUnitId());
        reading.setReadAt(Instant.ofEpochMilli(atMs).toString());
        reading.setValue(request.value().toPlainString());
        reading.setSource(ReadingItem.MANUAL);
        reading.setSubmittedBy(caller.userId());
        reading.setReceivedAt(now.toString());
        if (outcome.consumption() != null) reading.setConsumption(outcome.consumption().toPlainString());
        if (!outcome.flags().isEmpty()) reading.setFlags(outcome.flags());
        if (photo != null || upload != null) {
            reading.setStatus(ReadingItem.PENDING);
            reading.setPhotoKey(photo != null ? photos.store(meter.getId(), reading.getId(), photo, format)
                    : photos.copyUpload(upload.getObjectKey(), meter.getId(), reading.getId(), format));
        } else {
            reading.setStatus(outcome.flags().isEmpty() ? ReadingItem.ACCEPTED : ReadingItem.FLAGGED);
        }
        if (ReadingItem.FLAGGED.equals(reading.getStatus())) markFlagged(reading);

        var transaction = TransactWriteItemsEnhancedRequest.builder().addPutItem(table.of(ReadingItem.class), reading);
        if (upload != null) {
            // PENDING → USED at the version read: one upload becomes one photo, whatever else races for it.
            upload.setStatus(UploadItem.USED);
            upload.setUsedFor("meter-reading:" + reading.getId());
            transaction.addUpdateItem(table.of(UploadItem.class), upload);
        }
        if (!outcome.late()) {
            if (state.getVersion() == null) transaction.addPutItem(table.of(MeterStateItem.class), state);
            else transaction.addUpdateItem(table.of(MeterStateItem.class), state);
        }
        if (reading.getPhotoKey() != null) {
            outbox.add(transaction, MeterEvents.READING_SUBMITTED, meter.getOrganisationId(), meter.getId(),
                    new MeterEvents.ReadingSubmitted(reading.getId(), meter.getId(), meter.getOrganisationId(), meter.getBuildingId(),
                            meter.getUnitId(), reading.getValue(), reading.getReadAt(), reading.getPhotoKey(), meter.typeValue().wire(),
                            meter.getUnitOfMeasure()));
        } else if (ReadingItem.FLAGGED.equals(reading.getStatus())) {
            outbox.add(transaction, MeterEvents.READING_FLAGGED, meter.getOrganisationId(), meter.getId(), flagged(reading, meter));
        }
        try {
            table.client().transactWriteItems(transaction.build());
        } catch (TransactionCanceledException e) {
            throw ApiException.conflict("A reading of this meter is already stored at " + reading.getReadAt() + ", or the meter's readings changed meanwhile; try again");
        }
        reading.setVersion(1L);
        return reading;
    }

    public ReadingItem get(Caller caller, String readingId) {
        ReadingItem reading = load(readingId).orElseThrow(() -> ApiException.notFound("The reading"));
        access.meter(caller, reading.getMeterId(), MeterAccess.Need.READ);
        return reading;
    }

    /** A manager confirms a flagged reading as it is (no value) or corrects it; both are recorded with who and why. */
    public ReadingItem correct(Caller caller, String readingId, ReadingRequests.CorrectReading request, Optional<Long> ifMatch) {
        ReadingItem reading = load(readingId).orElseThrow(() -> ApiException.notFound("The reading"));
        MeterItem meter = access.meter(caller, reading.getMeterId(), MeterAccess.Need.MANAGE);
        if (ifMatch.isPresent() && reading.getVersion() != null && !ifMatch.get().equals(reading.getVersion())) {
            throw new ApiException(app.domus.shared.http.ProblemType.PRECONDITION_FAILED, "The reading has changed since you read it");
        }
        String previous = reading.effectiveValue();
        BigDecimal value = request.value() != null ? request.value() : new BigDecimal(previous);
        reading.setCorrectedValue(value.toPlainString());
        reading.setCorrectedBy(caller.userId());
        reading.setCorrectionReason(request.reason().strip());
        reading.setCorrectedAt(clock.instant().toString());
        reading.setStatus(ReadingItem.CORRECTED);
        reading.setGsi1pk(null);
        reading.setGsi1sk(null);
        var transaction = TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table.of(ReadingItem.class), reading);
        outbox.add(transaction, MeterEvents.READING_CORRECTED, meter.getOrganisationId(), meter.getId(),
                new MeterEvents.ReadingCorrected(reading.getId(), meter.getId(), meter.getOrganisationId(), meter.getBuildingId(),
                        meter.getUnitId(), previous, reading.getCorrectedValue(), caller.userId(), reading.getCorrectionReason(),
                        meter.typeValue().wire(), meter.getUnitOfMeasure()));
        try {
            table.client().transactWriteItems(transaction.build());
        } catch (TransactionCanceledException e) {
            throw new ApiException(app.domus.shared.http.ProblemType.PRECONDITION_FAILED, "The reading has changed meanwhile; reload it and try again");
        }
        reading.setVersion(reading.getVersion() == null ? 1L : reading.getVersion() + 1);
        return reading;
    }

    /** The reading with this id ({@code <meterId>-<epoch ms>}), found by its key. */
    public Optional<ReadingItem> load(String readingId) {
        int dash = readingId == null ? -1 : readingId.lastIndexOf('-');
        if (dash < 1 || dash == readingId.length() - 1 || readingId.length() > 60) return Optional.empty();
        long at;
        try {
            at = Long.parseLong(readingId.substring(dash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (at < 0 || at > 9_999_999_999_999L) return Optional.empty();
        return table.get(ReadingItem.class, ReadingItem.pk(readingId.substring(0, dash)), ReadingItem.sk(at));
    }

    /** The caller's own unused upload; anyone else's, or none, gets the same answer (upload ids are not to be probed). */
    private UploadItem upload(Caller caller, String uploadId) {
        UploadItem upload = table.get(UploadItem.class, UploadItem.pk(uploadId), UploadItem.SK)
                .filter(u -> caller.userId().equals(u.getOwnerId())).orElse(null);
        if (upload == null) throw ApiException.validation("photoUploadId", "does not name an upload of yours");
        if (!UploadItem.PENDING.equals(upload.getStatus())) throw ApiException.validation("photoUploadId", "has already been used");
        return upload;
    }

    private PhotoFormat uploadFormat(UploadItem upload) {
        long size = photos.size(upload.getObjectKey()).orElseThrow(() -> ApiException.validation("photoUploadId",
                Instant.parse(upload.getExpiresAt()).isBefore(clock.instant()) ? "was never sent, and its upload URL has expired" : "has not been sent yet"));
        if (size == 0 || size > MAX_UPLOADED_PHOTO_BYTES) throw ApiException.validation("photoUploadId", "must be an image of at most 10 MB");
        return PhotoFormat.recognise(photos.firstBytes(upload.getObjectKey(), PhotoFormat.SIGNATURE_BYTES))
                .orElseThrow(() -> ApiException.validation("photoUploadId", "must be a JPEG, PNG or WebP image (recognised by its content)"));
    }

    static void markFlagged(ReadingItem reading) {
        reading.setGsi1pk(ReadingItem.flaggedIn(reading.getBuildingId()));
        reading.setGsi1sk(reading.getSk() + "#" + reading.getMeterId());
    }

    static MeterEvents.ReadingFlagged flagged(ReadingItem r, MeterItem meter) {
        return new MeterEvents.ReadingFlagged(r.getId(), r.getMeterId(), r.getOrganisationId(), r.getBuildingId(), r.getUnitId(),
                r.getValue(), r.getOcrValue(), r.getFlags() == null ? java.util.List.of() : r.getFlags(), r.getReadAt(),
                meter.typeValue().wire(), meter.getUnitOfMeasure());
    }

    private static byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("photo", "must be base64");
        }
        if (bytes.length == 0) throw ApiException.validation("photo", "is empty");
        if (bytes.length > MAX_PHOTO_BYTES) throw ApiException.validation("photo", "must be at most 4 MB");
        return bytes;
    }
}
