package app.domus.faults.uploads;

import app.domus.shared.photos.PhotoFormat;
import app.domus.faults.photos.PhotoIntake;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;

/** Body of {@code POST /uploads}: what the client is about to send. */
public record CreateUploadRequest(String contentType, Long sizeBytes) implements Validated {
    @Override
    public void validate(Validator v) {
        if (v.required("contentType", contentType) && PhotoFormat.ofContentType(contentType).isEmpty()) {
            v.error("contentType", "must be image/jpeg, image/png or image/webp");
        }
        v.range("sizeBytes", sizeBytes, 1, PhotoIntake.MAX_PHOTO_BYTES, true);
    }
}
