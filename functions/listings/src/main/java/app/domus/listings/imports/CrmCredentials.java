package app.domus.listings.imports;

import java.util.Map;

/** Where an import's CRM credentials are kept: Secrets Manager (never the table, never an API answer). */
public interface CrmCredentials {
    void save(String name, Map<String, String> credentials);

    Map<String, String> read(String name);

    void delete(String name);
}
