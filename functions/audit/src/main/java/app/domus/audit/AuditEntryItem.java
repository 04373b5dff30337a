package app.domus.audit;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * One entry of an organisation's audit chain: pk {@code AUDIT#<organisationId>}, sk {@code ENTRY#<sequence, 12 digits>}.
 * Written once, by the chain's append transaction, and never updated: {@code hash} is
 * SHA-256 over {@code previousHash} and the entry's canonical form (see {@link AuditChain}).
 */
public class AuditEntryItem extends TableItem {
    public static final String SK_PREFIX = "ENTRY#";

    private String organisationId;
    private Long sequence;
    private String occurredAt;
    private String recordedAt;
    private String actorId;
    private String action;
    private String targetType;
    private String targetId;
    private String outcome;
    private String sourceIp;
    private String userAgent;
    private String eventId;
    private String eventType;
    private Map<String, String> details;
    private String previousHash;
    private String hash;

    public static String pk(String organisationId) { return "AUDIT#" + organisationId; }
    public static String sk(long sequence) { return SK_PREFIX + String.format("%012d", sequence); }

    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public Long getSequence() { return sequence; }
    public void setSequence(Long sequence) { this.sequence = sequence; }
    public String getOccurredAt() { return occurredAt; }
    public void setOccurredAt(String occurredAt) { this.occurredAt = occurredAt; }
    public String getRecordedAt() { return recordedAt; }
    public void setRecordedAt(String recordedAt) { this.recordedAt = recordedAt; }
    public String getActorId() { return actorId; }
    public void setActorId(String actorId) { this.actorId = actorId; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getTargetType() { return targetType; }
    public void setTargetType(String targetType) { this.targetType = targetType; }
    public String getTargetId() { return targetId; }
    public void setTargetId(String targetId) { this.targetId = targetId; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getSourceIp() { return sourceIp; }
    public void setSourceIp(String sourceIp) { this.sourceIp = sourceIp; }
    public String getUserAgent() { return userAgent; }
    public void setUserAgent(String userAgent) { this.userAgent = userAgent; }
    public String getEventId() { return eventId; }
    public void setEventId(String eventId) { this.eventId = eventId; }
    public String getEventType() { return eventType; }
    public void setEventType(String eventType) { this.eventType = eventType; }
    public Map<String, String> getDetails() { return details; }
    public void setDetails(Map<String, String> details) { this.details = details; }
    public String getPreviousHash() { return previousHash; }
    public void setPreviousHash(String previousHash) { this.previousHash = previousHash; }
    public String getHash() { return hash; }
    public void setHash(String hash) { this.hash = hash; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<AuditEntryItem> SCHEMA = ItemSchema.item(AuditEntryItem.class, AuditEntryItem::new)
            .text("organisationId", AuditEntryItem::getOrganisationId, AuditEntryItem::setOrganisationId)
            .attribute(Long.class, "sequence", AuditEntryItem::getSequence, AuditEntryItem::setSequence)
            .text("occurredAt", AuditEntryItem::getOccurredAt, AuditEntryItem::setOccurredAt)
            .text("recordedAt", AuditEntryItem::getRecordedAt, AuditEntryItem::setRecordedAt)
            .text("actorId", AuditEntryItem::getActorId, AuditEntryItem::setActorId)
            .text("action", AuditEntryItem::getAction, AuditEntryItem::setAction)
            .text("targetType", AuditEntryItem::getTargetType, AuditEntryItem::setTargetType)
            .text("targetId", AuditEntryItem::getTargetId, AuditEntryItem::setTargetId)
            .text("outcome", AuditEntryItem::getOutcome, AuditEntryItem::setOutcome)
            .text("sourceIp", AuditEntryItem::getSourceIp, AuditEntryItem::setSourceIp)
            .text("userAgent", AuditEntryItem::getUserAgent, AuditEntryItem::setUserAgent)
            .text("eventId", AuditEntryItem::getEventId, AuditEntryItem::setEventId)
            .text("eventType", AuditEntryItem::getEventType, AuditEntryItem::setEventType)
            .attribute(EnhancedType.mapOf(String.class, String.class), "details", AuditEntryItem::getDetails, AuditEntryItem::setDetails)
            .text("previousHash", AuditEntryItem::getPreviousHash, AuditEntryItem::setPreviousHash)
            .text("hash", AuditEntryItem::getHash, AuditEntryItem::setHash)
            .build();
}
