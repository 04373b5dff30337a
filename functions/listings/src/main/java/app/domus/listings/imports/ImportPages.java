package app.domus.listings.imports;

/** The queue of import pages: one message per page, the next queued when a page is done. */
public interface ImportPages {
    /** A page to import: {@code cursor} as the CRM source gave it (null: the first page). */
    record Page(String importId, String runId, int page, String cursor) {}

    void send(Page page);
}
