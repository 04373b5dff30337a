package app.domus.privacy.export;

import app.domus.shared.auth.Caller;
import app.domus.shared.events.Outbox;
import app.domus.shared.http.ApiException;
import app.domus.shared.ids.Ids;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * A person's exports of their data (GDPR Art. 15 and 20). The request stores the job and
 * {@code PersonalDataExportRequested} in one transaction; {@link #build} (the export function, on that event) gathers
 * the data ({@link PersonalData}), puts the ZIP at {@code exports/<userId>/<exportId>.zip} in the platform's bucket
 * (expired by its lifecycle rule after 7 days), marks the job ready with {@code PersonalDataExported} and e-mails a
 * presigned link. Only the person reads the job; to anyone else it does not exist.
 */
@Singleton
public class Exports {
    /** How long an export is kept: the bucket's lifecycle rule for {@code exports/} says the same. */
    public static final Duration KEPT = Duration.ofDays(7);
    /** The e-mailed link's life (a presigned URL lives at most as long as the function's role session). */
    static final Duration EMAILED_LINK = Duration.ofHours(1);
    /** A link in {@code GET /me/exports/{exportId}}, made afresh on each read while the export is kept. */
    static final Duration SHOWN_LINK = Duration.ofMinutes(15);
    static final String TEMPLATE = "personal-data-export";

    private final DomusTable table;
    private final Outbox outbox;
    private final PersonalData data;
    private final ExportStore store;
    private final NotificationSender notifications;
    private final Clock clock;

    @Inject
    public Exports(DomusTable table, Outbox outbox, PersonalData data, ExportStore store, NotificationSender notifications,
                   Clock clock) {
        this.table = table;
        this.outbox = outbox;
        this.data = data;
        this.store = store;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** An export as its owner sees it; {@code downloadUrl} while it is ready and kept. */
    public record ExportView(String exportId, String status, String requestedAt, String completedAt, String expiresAt,
                             Map<String, Integer> files, String downloadUrl) {}

    public ExportView request(Caller caller) {
        Instant now = clock.instant();
        ExportJobItem job = new ExportJobItem();
        job.setExportId(Ids.newId());
        job.setPk(ExportJobItem.pk(job.getExportId()));
        job.setSk(ExportJobItem.SK);
        job.setGsi1pk(ExportJobItem.byUser(caller.userId()));
        job.setGsi1sk(now + "#" + job.getExportId());
        job.setUserId(caller.userId());
        job.setStatus(ExportJobItem.REQUESTED);
        job.setRequestedAt(now.toString());
        job.setTtl(now.plus(Duration.ofDays(30)).getEpochSecond());
        var transaction = TransactWriteItemsEnhancedRequest.builder().addPutItem(table.of(ExportJobItem.class), job);
        outbox.add(transaction, ExportEvent.REQUESTED, null, job.getExportId(), ExportEvent.of(job, data.organisationsOf(job.getUserId())));
        table.client().transactWriteItems(transaction.build());
        return view(job, now);
    }

    public ExportView get(Caller caller, String exportId) {
        ExportJobItem job = table.get(ExportJobItem.class, ExportJobItem.pk(exportId), ExportJobItem.SK)
                .filter(j -> caller.userId().equals(j.getUserId()))
                .orElseThrow(() -> ApiException.notFound("export"));
        return view(job, clock.instant());
    }

    /** Builds the export once; a redelivered event finds it ready and only asks for the e-mail again (sent once). */
    public void build(ExportEvent event) {
        ExportJobItem job = table.get(ExportJobItem.class, ExportJobItem.pk(event.exportId()), ExportJobItem.SK)
                .orElseThrow(() -> new IllegalStateException("No export " + event.exportId()));
        if (!ExportJobItem.READY.equals(job.getStatus())) {
            Instant now = clock.instant();
            String key = objectKey(job.getUserId(), job.getExportId());
            var built = ExportArchive.of(job.getExportId(), job.getUserId(), now.toString(), data.of(job.getUserId()));
            store.put(key, built.bytes(), "domus-data-" + job.getExportId() + ".zip");
            job.setStatus(ExportJobItem.READY);
            job.setCompletedAt(now.toString());
            job.setExpiresAt(now.plus(KEPT).toString());
            job.setObjectKey(key);
            job.setFiles(built.files());
            var transaction = TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table.of(ExportJobItem.class), job);
            outbox.add(transaction, ExportEvent.EXPORTED, null, job.getExportId(), ExportEvent.of(job, data.organisationsOf(job.getUserId())));
            table.client().transactWriteItems(transaction.build());
        }
        notifications.send(new NotificationRequest("personal-data-export:" + job.getExportId(), job.getUserId(), null,
                Category.ACCOUNT, TEMPLATE, Map.of("link", presign(job.getObjectKey(), EMAILED_LINK),
                        "hours", String.valueOf(EMAILED_LINK.toHours()), "expiresAt", job.getExpiresAt(),
                        "exportId", job.getExportId())));
    }

    public static String objectKey(String userId, String exportId) {
        return prefix(userId) + exportId + ".zip";
    }

    public static String prefix(String userId) {
        return "exports/" + userId + "/";
    }

    private ExportView view(ExportJobItem job, Instant now) {
        boolean kept = ExportJobItem.READY.equals(job.getStatus()) && job.getExpiresAt() != null
                && now.isBefore(Instant.parse(job.getExpiresAt()));
        String status = ExportJobItem.READY.equals(job.getStatus()) && !kept ? "expired" : job.getStatus();
        return new ExportView(job.getExportId(), status, job.getRequestedAt(), job.getCompletedAt(), job.getExpiresAt(),
                job.getFiles(), kept ? presign(job.getObjectKey(), SHOWN_LINK) : null);
    }

    private String presign(String key, Duration life) {
        return store.link(key, life);
    }

}
