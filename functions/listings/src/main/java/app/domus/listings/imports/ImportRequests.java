package app.domus.listings.imports;

import app.domus.listings.listings.ListingRequests;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** Bodies of the import routes, with their checks. */
public final class ImportRequests {
    static final int MAX_CREDENTIALS = 5;

    private ImportRequests() {}

    /**
     * How the CRM's properties become listings: {@code fields} overrides the CRM type's defaults (our field → the CRM's
     * field name, or {@code =VALUE} for a constant such as {@code "currency": "=EUR"}), {@code propertyTypes} and
     * {@code offers} add or override which CRM values mean which of our property types and offers.
     */
    public record FieldMapping(Map<String, String> fields, Map<String, String> propertyTypes, Map<String, String> offers) {
        public static final FieldMapping NONE = new FieldMapping(Map.of(), Map.of(), Map.of());

        void validate(Validator v) {
            if (fields != null) {
                v.check(fields.size() <= 30, "fieldMapping.fields", "has at most 30 entries");
                fields.forEach((target, source) -> {
                    v.check(target.equals("crmId") || CrmType.TARGETS.contains(target), "fieldMapping.fields." + target,
                            "is not a field of a listing; one of crmId, " + String.join(", ", CrmType.TARGETS));
                    v.text("fieldMapping.fields." + target, source, 1, 200, true);
                });
            }
            if (propertyTypes != null) {
                v.check(propertyTypes.size() <= 100, "fieldMapping.propertyTypes", "has at most 100 entries");
                propertyTypes.forEach((value, type) -> v.oneOf("fieldMapping.propertyTypes." + value, type, ListingRequests.PropertyType.class, true));
            }
            if (offers != null) {
                v.check(offers.size() <= 100, "fieldMapping.offers", "has at most 100 entries");
                offers.forEach((value, offer) -> v.oneOf("fieldMapping.offers." + value, offer, ListingRequests.Offer.class, true));
            }
        }
    }

    /**
     * {@code POST /imports}: the CRM (its type, where it is, its credentials), how its fields map, and whether imported
     * listings are published at once ({@code publish}, default false: they arrive as drafts for the agency to review).
     */
    public record CreateImport(String crmType, String endpoint, Map<String, String> credentials, FieldMapping fieldMapping,
                               Boolean publish) implements Validated {
        @Override
        public void validate(Validator v) {
            CrmType type = v.oneOf("crmType", crmType, CrmType.class, true);
            v.text("endpoint", endpoint, 1, 500, true);
            if (endpoint != null && !endpoint.isBlank()) v.check(isHttpUrl(endpoint), "endpoint", "must be an absolute http(s) URL");
            if (credentials != null) {
                v.check(credentials.size() <= MAX_CREDENTIALS, "credentials", "has at most " + MAX_CREDENTIALS + " entries");
                credentials.forEach((name, value) -> v.text("credentials." + name, value, 1, 2000, true));
            }
            if (type == CrmType.RESO) {
                for (String needed : new String[] {"clientId", "clientSecret", "tokenUrl"}) {
                    v.check(credentials != null && credentials.get(needed) != null, "credentials." + needed,
                            "is required for a RESO Web API (OAuth 2 client credentials)");
                }
                if (credentials != null && credentials.get("tokenUrl") != null) {
                    v.check(isHttpUrl(credentials.get("tokenUrl")), "credentials.tokenUrl", "must be an absolute http(s) URL");
                }
            }
            if (type == CrmType.KYERO && credentials != null && !credentials.isEmpty()) {
                v.check(credentials.keySet().stream().allMatch(k -> k.equals("username") || k.equals("password")), "credentials",
                        "of a Kyero feed are a username and password (HTTP basic authentication), or none");
            }
            if (fieldMapping != null) fieldMapping.validate(v);
        }

        public CrmType type() { return CrmType.of(crmType); }

        public FieldMapping mapping() { return fieldMapping == null ? FieldMapping.NONE : fieldMapping; }

        public Map<String, String> givenCredentials() { return credentials == null ? Map.of() : credentials; }
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
