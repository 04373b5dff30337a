package app.domus.listings.imports;

import java.util.List;

/**
 * One page of a CRM's properties: those that could be read, those that could not (each with its position or id and
 * why), and the cursor of the next page (null on the last).
 */
public record CrmPage(List<CrmRecord> records, List<ImportEvents.ItemError> unreadable, String next) {}
