package app.domus.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** An entry as the API shows it; {@code hash} and {@code previousHash} let a reader check the chain themselves. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntryView(long sequence, String occurredAt, String recordedAt, String actorId, String action,
                             String targetType, String targetId, String outcome, String sourceIp, String userAgent,
                             String eventId, String eventType, Map<String, String> details, String previousHash,
                             String hash) {
    static AuditEntryView of(AuditEntryItem e) {
        return new AuditEntryView(e.getSequence(), e.getOccurredAt(), e.getRecordedAt(), e.getActorId(), e.getAction(),
                e.getTargetType(), e.getTargetId(), e.getOutcome(), e.getSourceIp(), e.getUserAgent(), e.getEventId(),
                e.getEventType(), e.getDetails(), e.getPreviousHash(), e.getHash());
    }
}
