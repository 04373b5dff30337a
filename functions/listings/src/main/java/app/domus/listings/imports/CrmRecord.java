package app.domus.listings.imports;

import java.util.List;
import java.util.Map;

/**
 * One property as a CRM gave it, before mapping: its id in the CRM, its scalar fields by the CRM's own names (a feed's
 * nested elements by path, {@code location/latitude}), its list fields ({@code features/feature}) and its photos' URLs
 * in the CRM's order.
 */
public record CrmRecord(String crmId, Map<String, String> fields, Map<String, List<String>> lists, List<String> photoUrls) {}
