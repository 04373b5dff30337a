package app.domus.listings.imports;

import java.util.List;

/** The import events: {@code ImportStarted} (queues the first page), {@code ImportProgress} per page, {@code ImportCompleted}. */
public final class ImportEvents {
    public static final String STARTED = "ImportStarted";
    public static final String PROGRESS = "ImportProgress";
    public static final String COMPLETED = "ImportCompleted";

    private ImportEvents() {}

    public record Counts(int created, int updated, int unchanged, int failed) {
        public static final Counts NONE = new Counts(0, 0, 0, 0);

        public int total() { return created + updated + unchanged + failed; }
    }

    public record ItemError(String crmId, List<String> errors) {}

    public record Started(String importId, String runId, String agencyId, String crmType, String startedBy) {}

    /** {@code pageCounts} are this page's, {@code counts} the run's so far; {@code errors} this page's failed items. */
    public record Progress(String importId, String runId, int page, Counts pageCounts, Counts counts, List<ItemError> errors) {}

    /** {@code status} {@code completed} or {@code failed} (then {@code error} says why: the CRM kept failing). */
    public record Completed(String importId, String runId, String agencyId, String status, Counts counts, int pages, String error) {}
}
