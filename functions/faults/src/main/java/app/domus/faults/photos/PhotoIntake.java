package app.domus.faults.photos;

import app.domus.shared.photos.PhotoFormat;
import app.domus.shared.uploads.UploadItem;
import app.domus.faults.uploads.UploadService;
import app.domus.shared.http.ApiException;
import app.domus.shared.validation.Validator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Takes a fault report's photos in: first every photo is checked (size, and format by its bytes), and only when
 * all pass is anything written, under {@code faults/<faultId>/<n>.<extension>}. A refused report leaves
 * nothing behind.
 */
@Singleton
public class PhotoIntake {
    public static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;
    public static final int MAX_PHOTOS = 10;
    private static final String FORMATS = "must be a JPEG, PNG or WebP image (recognised by its content)";

    private final UploadService uploads;
    private final PhotoStore store;
    private final Clock clock;

    @Inject
    public PhotoIntake(UploadService uploads, PhotoStore store, Clock clock) {
        this.uploads = uploads;
        this.store = store;
        this.clock = clock;
    }

    /** A photo that passed every check: its bytes (inline) or the upload holding them (uploaded), and its format. */
    public sealed interface Checked permits Inline, Uploaded {
        PhotoFormat format();
    }

    public record Inline(byte[] bytes, PhotoFormat format) implements Checked {}

    public record Uploaded(UploadItem upload, PhotoFormat format) implements Checked {}

    /** Checks every photo and reports all that fail in one 400; reads but never writes. */
    public List<Checked> check(String ownerId, List<PhotoInput> photos) {
        Validator v = new Validator();
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            PhotoInput photo = photos.get(i);
            String field = "photos." + i;
            Optional<Checked> ok = photo.uploadId() != null
                    ? uploaded(ownerId, photo.uploadId(), v, field + ".uploadId")
                    : inline(photo.contentBase64(), v, field + ".contentBase64");
            ok.ifPresent(checked::add);
        }
        v.throwIfInvalid();
        return checked;
    }

    /**
     * Writes the checked photos as the fault's, in order, and returns their keys. If one write fails, those
     * already written are removed before the failure propagates.
     */
    public List<String> store(String faultId, List<Checked> photos) {
        List<String> keys = new ArrayList<>();
        try {
            for (Checked photo : photos) {
                String key = "faults/" + faultId + "/" + (keys.size() + 1) + "." + photo.format().extension();
                switch (photo) {
                    case Inline inline -> store.put(key, inline.bytes(), inline.format());
                    case Uploaded uploaded -> {
                        // Checked a moment ago: gone now means another report took it (and removed the original).
                        if (!store.copy(uploaded.upload().getObjectKey(), key, uploaded.format())) throw takenMeanwhile();
                    }
                }
                keys.add(key);
            }
        } catch (RuntimeException e) {
            store.discard(keys);
            throw e;
        }
        return keys;
    }

    /** The same answer as when the fault's own transaction finds the upload taken. */
    public static ApiException takenMeanwhile() {
        return ApiException.conflict("A photo upload was attached to another fault at the same time; upload it again");
    }

    public void discard(List<String> keys) {
        store.discard(keys);
    }

    private Optional<Checked> inline(String base64, Validator v, String field) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            v.error(field, "is not valid base64");
            return Optional.empty();
        }
        if (bytes.length > MAX_PHOTO_BYTES) {
            v.error(field, "must not exceed 10 MB");
            return Optional.empty();
        }
        Optional<PhotoFormat> format = PhotoFormat.recognise(Arrays.copyOf(bytes, Math.min(bytes.length, PhotoFormat.SIGNATURE_BYTES)));
        if (format.isEmpty()) v.error(field, FORMATS);
        return format.map(f -> new Inline(bytes, f));
    }

    /**
     * Someone else's upload, or one that does not exist, get the same answer: upload ids are not to be probed.
     */
    private Optional<Checked> uploaded(String ownerId, String uploadId, Validator v, String field) {
        UploadItem upload = uploads.find(uploadId).filter(u -> u.getOwnerId().equals(ownerId)).orElse(null);
        if (upload == null) {
            v.error(field, "does not name an upload of yours");
            return Optional.empty();
        }
        if (!UploadItem.PENDING.equals(upload.getStatus())) {
            v.error(field, "has already been used (by a fault or a meter reading)");
            return Optional.empty();
        }
        Optional<Long> size = store.size(upload.getObjectKey());
        if (size.isEmpty()) {
            boolean expired = Instant.parse(upload.getExpiresAt()).isBefore(clock.instant());
            v.error(field, expired ? "was never sent, and its upload URL has expired" : "has not been sent yet");
            return Optional.empty();
        }
        if (size.get() > MAX_PHOTO_BYTES) {
            v.error(field, "must not exceed 10 MB");
            return Optional.empty();
        }
        if (size.get() == 0) {
            v.error(field, FORMATS);
            return Optional.empty();
        }
        Optional<PhotoFormat> format = PhotoFormat.recognise(store.firstBytes(upload.getObjectKey(), PhotoFormat.SIGNATURE_BYTES));
        if (format.isEmpty()) v.error(field, FORMATS);
        return format.map(f -> new Uploaded(upload, f));
    }
}
