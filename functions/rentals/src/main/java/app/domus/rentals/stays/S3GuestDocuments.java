package app.domus.rentals.stays;

import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/** The images in the platform's private files bucket, under {@code guest-documents/<organisationId>/<reservationId>/}. */
public final class S3GuestDocuments implements GuestDocuments {
    private final S3Client s3;
    private final String bucket;

    public S3GuestDocuments(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public String put(String organisationId, String reservationId, String name, String contentType, byte[] bytes) {
        String key = "guest-documents/" + organisationId + "/" + reservationId + "/" + name;
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).serverSideEncryption("AES256"), RequestBody.fromBytes(bytes));
        return key;
    }

    @Override
    public void delete(List<String> keys) {
        if (keys == null || keys.isEmpty()) return;
        var response = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.quiet(true)
                .objects(keys.stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList())));
        if (response.hasErrors() && !response.errors().isEmpty()) {
            throw new IllegalStateException("S3 kept " + response.errors().size() + " guest document(s): " + response.errors().get(0).code());
        }
    }
}
