package app.domus.faults;

import app.domus.shared.directory.FaultCategory;
import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A reported fault. pk {@code FAULT#<id>}, sk {@code FAULT}; gsi1 {@code BUILDING#<buildingId>#FAULTS} /
 * {@code <STATUS>#<id>} lists a building's faults by status; gsi2 {@code USER#<assigneeId>#FAULTS} /
 * {@code <STATUS>#<id>} lists a technician's faults (and counts their open ones). Both sort keys follow the
 * status, so they are rewritten on every status change ({@link #index()}).
 */
public class FaultItem extends TableItem {
    public static final String SK = "FAULT";
    /** Who {@code assignedBy} or a history entry names when the platform acted, not a person. */
    public static final String SYSTEM = "system";

    private String id;
    private String organisationId;
    private String buildingId;
    private String unitId;
    private String title;
    private String description;
    private String category;
    private String status;
    private String reportedBy;
    private String reportedAt;
    private String assigneeId;
    private String assignedBy;
    private String assignedAt;
    private Integer assignments;
    private List<String> photoKeys;
    private String aiCategory;
    private Double aiConfidence;
    private List<String> aiTags;
    private String photoAnalysis;
    private String analysedAt;
    private String resolution;
    private String resolvedBy;
    private String resolvedAt;
    private String updatedAt;
    private Integer historyCount;

    public static String pk(String id) { return "FAULT#" + id; }
    public static String byBuilding(String buildingId) { return "BUILDING#" + buildingId + "#FAULTS"; }
    public static String byAssignee(String userId) { return "USER#" + userId + "#FAULTS"; }

    /** Sets the index keys from the building, assignee and status. */
    public void index() {
        setPk(pk(id));
        setSk(SK);
        setGsi1pk(byBuilding(buildingId));
        setGsi1sk(status + "#" + id);
        setGsi2pk(assigneeId == null ? null : byAssignee(assigneeId));
        setGsi2sk(assigneeId == null ? null : status + "#" + id);
    }

    /**
     * A history entry for a change made now, numbered after the ones before it; the fault's versioned write
     * and the entry's put go in one transaction, so numbers never collide.
     */
    public FaultHistoryItem record(String at, String by, String action) {
        int number = historyCount == null ? 1 : historyCount + 1;
        historyCount = number;
        updatedAt = at;
        return FaultHistoryItem.of(id, number, at, by, action);
    }

    public FaultStatus statusValue() { return FaultStatus.valueOf(status); }

    public FaultCategory categoryValue() { return FaultCategory.valueOf(category); }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getReportedBy() { return reportedBy; }
    public void setReportedBy(String reportedBy) { this.reportedBy = reportedBy; }
    public String getReportedAt() { return reportedAt; }
    public void setReportedAt(String reportedAt) { this.reportedAt = reportedAt; }
    public String getAssigneeId() { return assigneeId; }
    public void setAssigneeId(String assigneeId) { this.assigneeId = assigneeId; }
    public String getAssignedBy() { return assignedBy; }
    public void setAssignedBy(String assignedBy) { this.assignedBy = assignedBy; }
    public String getAssignedAt() { return assignedAt; }
    public void setAssignedAt(String assignedAt) { this.assignedAt = assignedAt; }
    /** How many times the fault was assigned: tells one assignment's notifications from the next one's. */
    public Integer getAssignments() { return assignments; }
    public void setAssignments(Integer assignments) { this.assignments = assignments; }
    public List<String> getPhotoKeys() { return photoKeys; }
    public void setPhotoKeys(List<String> photoKeys) { this.photoKeys = photoKeys; }
    public String getAiCategory() { return aiCategory; }
    public void setAiCategory(String aiCategory) { this.aiCategory = aiCategory; }
    public Double getAiConfidence() { return aiConfidence; }
    public void setAiConfidence(Double aiConfidence) { this.aiConfidence = aiConfidence; }
    public List<String> getAiTags() { return aiTags; }
    public void setAiTags(List<String> aiTags) { this.aiTags = aiTags; }
    public String getPhotoAnalysis() { return photoAnalysis; }
    public void setPhotoAnalysis(String photoAnalysis) { this.photoAnalysis = photoAnalysis; }
    public String getAnalysedAt() { return analysedAt; }
    public void setAnalysedAt(String analysedAt) { this.analysedAt = analysedAt; }
    public String getResolution() { return resolution; }
    public void setResolution(String resolution) { this.resolution = resolution; }
    public String getResolvedBy() { return resolvedBy; }
    public void setResolvedBy(String resolvedBy) { this.resolvedBy = resolvedBy; }
    public String getResolvedAt() { return resolvedAt; }
    public void setResolvedAt(String resolvedAt) { this.resolvedAt = resolvedAt; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }
    public Integer getHistoryCount() { return historyCount; }
    public void setHistoryCount(Integer historyCount) { this.historyCount = historyCount; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<FaultItem> SCHEMA = ItemSchema.item(FaultItem.class, FaultItem::new)
            .text("id", FaultItem::getId, FaultItem::setId)
            .text("organisationId", FaultItem::getOrganisationId, FaultItem::setOrganisationId)
            .text("buildingId", FaultItem::getBuildingId, FaultItem::setBuildingId)
            .text("unitId", FaultItem::getUnitId, FaultItem::setUnitId)
            .text("title", FaultItem::getTitle, FaultItem::setTitle)
            .text("description", FaultItem::getDescription, FaultItem::setDescription)
            .text("category", FaultItem::getCategory, FaultItem::setCategory)
            .text("status", FaultItem::getStatus, FaultItem::setStatus)
            .text("reportedBy", FaultItem::getReportedBy, FaultItem::setReportedBy)
            .text("reportedAt", FaultItem::getReportedAt, FaultItem::setReportedAt)
            .text("assigneeId", FaultItem::getAssigneeId, FaultItem::setAssigneeId)
            .text("assignedBy", FaultItem::getAssignedBy, FaultItem::setAssignedBy)
            .text("assignedAt", FaultItem::getAssignedAt, FaultItem::setAssignedAt)
            .attribute(Integer.class, "assignments", FaultItem::getAssignments, FaultItem::setAssignments)
            .textList("photoKeys", FaultItem::getPhotoKeys, FaultItem::setPhotoKeys)
            .text("aiCategory", FaultItem::getAiCategory, FaultItem::setAiCategory)
            .attribute(Double.class, "aiConfidence", FaultItem::getAiConfidence, FaultItem::setAiConfidence)
            .textList("aiTags", FaultItem::getAiTags, FaultItem::setAiTags)
            .text("photoAnalysis", FaultItem::getPhotoAnalysis, FaultItem::setPhotoAnalysis)
            .text("analysedAt", FaultItem::getAnalysedAt, FaultItem::setAnalysedAt)
            .text("resolution", FaultItem::getResolution, FaultItem::setResolution)
            .text("resolvedBy", FaultItem::getResolvedBy, FaultItem::setResolvedBy)
            .text("resolvedAt", FaultItem::getResolvedAt, FaultItem::setResolvedAt)
            .text("updatedAt", FaultItem::getUpdatedAt, FaultItem::setUpdatedAt)
            .attribute(Integer.class, "historyCount", FaultItem::getHistoryCount, FaultItem::setHistoryCount)
            .build();
}
