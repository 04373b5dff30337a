package app.domus.local.s3;

/** What happened to an object, in S3 event-notification terms ({@code ObjectCreated:Put}, {@code ObjectRemoved:Delete}, ...). */
public interface ObjectEvents {

    void objectChanged(String eventName, String bucket, String key, long size, String eTag);
}
