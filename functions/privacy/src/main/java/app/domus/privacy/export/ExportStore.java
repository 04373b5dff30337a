package app.domus.privacy.export;

import java.time.Duration;

/** Where the exports' ZIPs are kept: the platform's bucket under {@code exports/} ({@link S3ExportStore}). */
public interface ExportStore {
    void put(String key, byte[] zip, String fileName);

    /** A presigned GET of the object, valid for {@code life}. */
    String link(String key, Duration life);

    /** Deletes every object under the prefix; returns how many there were. */
    int deleteAll(String prefix);
}
