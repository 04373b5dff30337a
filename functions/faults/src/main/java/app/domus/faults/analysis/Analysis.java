package app.domus.faults.analysis;

import app.domus.shared.directory.FaultCategory;
import java.util.List;

/**
 * What the AI made of a fault: a category and how sure it is (0 to 1), tags, and what happened to the
 * photos: {@code none} (there were none), {@code skipped} (the provider does not read photos),
 * {@code analysed}, or {@code failed}.
 */
public record Analysis(FaultCategory category, double confidence, List<String> tags, String photoAnalysis) {
    public static final String NO_PHOTOS = "none";
    public static final String SKIPPED = "skipped";
    public static final String ANALYSED = "analysed";
    public static final String FAILED = "failed";

    public Analysis {
        tags = List.copyOf(tags);
    }
}
