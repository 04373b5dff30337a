package app.domus.faults;

import java.util.List;
import java.util.Locale;

/** A fault as the API shows it in lists and after a change; statuses and categories in lower case. */
public record FaultView(String faultId, String organisationId, String buildingId, String unitId, String title,
                        String description, String category, String status, String reportedBy, String reportedAt,
                        String assigneeId, String assignedAt, Ai ai, String resolution, String resolvedBy,
                        String resolvedAt, String updatedAt, int photoCount) {

    /** What the AI made of the fault; absent until the analysis has run. */
    public record Ai(String category, Double confidence, List<String> tags, String photoAnalysis, String analysedAt) {}

    public static FaultView of(FaultItem f) {
        Ai ai = f.getAnalysedAt() == null ? null : new Ai(lower(f.getAiCategory()), f.getAiConfidence(),
                f.getAiTags() == null ? List.of() : f.getAiTags(), f.getPhotoAnalysis(), f.getAnalysedAt());
        return new FaultView(f.getId(), f.getOrganisationId(), f.getBuildingId(), f.getUnitId(), f.getTitle(),
                f.getDescription(), lower(f.getCategory()), lower(f.getStatus()), f.getReportedBy(), f.getReportedAt(),
                f.getAssigneeId(), f.getAssignedAt(), ai, f.getResolution(), f.getResolvedBy(), f.getResolvedAt(),
                f.getUpdatedAt(), f.getPhotoKeys() == null ? 0 : f.getPhotoKeys().size());
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
