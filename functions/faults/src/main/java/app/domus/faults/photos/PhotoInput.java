package app.domus.faults.photos;

import app.domus.shared.validation.Validator;

/**
 * One photo of a fault report: either an upload made through {@code POST /uploads} ({@code uploadId}) or a
 * small image carried in the request itself ({@code contentBase64}).
 */
public record PhotoInput(String uploadId, String contentBase64) {
    public void validate(Validator v, String field) {
        if ((uploadId == null) == (contentBase64 == null)) {
            v.error(field, "must give either uploadId or contentBase64");
            return;
        }
        v.id(field + ".uploadId", uploadId, false);
        if (contentBase64 != null) v.check(!contentBase64.isBlank(), field + ".contentBase64", "is empty");
    }
}
