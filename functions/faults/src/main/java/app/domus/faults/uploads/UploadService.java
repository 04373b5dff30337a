package app.domus.faults.uploads;

import app.domus.shared.uploads.UploadItem;
import app.domus.faults.photos.PhotoStore;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.ratelimit.RateLimiter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Hands out presigned upload URLs for fault photos and finds the uploads a fault report names. */
@Singleton
public class UploadService {
    static final Duration URL_VALIDITY = Duration.ofMinutes(15);
    /** An unused upload's record outlives its URL by this much, then DynamoDB's TTL removes it. */
    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);
    /** Uploads per person per hour: generous for reporting faults, a wall for filling the bucket. */
    static final int UPLOADS_PER_HOUR = 60;

    private final DomusTable table;
    private final PhotoStore photos;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    @Inject
    public UploadService(DomusTable table, PhotoStore photos, RateLimiter rateLimiter, Clock clock) {
        this.table = table;
        this.photos = photos;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    public UploadView create(String ownerId, CreateUploadRequest request) {
        var decision = rateLimiter.hit("uploads#" + ownerId, UPLOADS_PER_HOUR, Duration.ofHours(1));
        if (!decision.allowed()) {
            throw ApiException.tooManyRequests(ProblemType.TOO_MANY_REQUESTS, "Too many photo uploads; try again later",
                    decision.retryAfter());
        }
        Instant now = clock.instant();
        UploadItem upload = new UploadItem();
        upload.setId(Ids.newId());
        upload.setPk(UploadItem.pk(upload.getId()));
        upload.setSk(UploadItem.SK);
        upload.setOwnerId(ownerId);
        upload.setObjectKey(UploadItem.objectKey(ownerId, upload.getId()));
        upload.setContentType(request.contentType().toLowerCase(Locale.ROOT));
        upload.setSizeBytes(request.sizeBytes());
        upload.setStatus(UploadItem.PENDING);
        upload.setCreatedAt(now.toString());
        var url = photos.uploadUrl(upload.getObjectKey(), upload.getContentType(), upload.getSizeBytes(), URL_VALIDITY);
        upload.setExpiresAt(url.expiresAt().toString());
        upload.setTtl(url.expiresAt().plus(KEPT_AFTER_EXPIRY).getEpochSecond());
        table.of(UploadItem.class).putItem(upload);
        return new UploadView(upload.getId(), url.url(), "PUT", url.headers(), upload.getExpiresAt());
    }

    public Optional<UploadItem> find(String uploadId) {
        return table.get(UploadItem.class, UploadItem.pk(uploadId), UploadItem.SK);
    }
}
