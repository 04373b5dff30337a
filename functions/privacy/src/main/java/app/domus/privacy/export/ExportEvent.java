package app.domus.privacy.export;

import java.util.List;
import java.util.Map;

/**
 * Payload of {@code PersonalDataExportRequested} and {@code PersonalDataExported}: whose export, and (once built) its
 * object's key, its files with their item counts, and when it expires; and the organisations the person belongs to,
 * whose audit logs record the export. No personal data travels in it.
 */
public record ExportEvent(String exportId, String userId, String status, String objectKey, Map<String, Integer> files,
                          String expiresAt, List<String> organisationIds) {
    public static final String REQUESTED = "PersonalDataExportRequested";
    public static final String EXPORTED = "PersonalDataExported";

    static ExportEvent of(ExportJobItem job, List<String> organisationIds) {
        return new ExportEvent(job.getExportId(), job.getUserId(), job.getStatus(), job.getObjectKey(), job.getFiles(),
                job.getExpiresAt(), organisationIds);
    }
}
