package app.domus.listings.imports;

import java.util.Map;

/** One kind of CRM: how to test a connection and read its properties page by page. */
public interface CrmSource {
    /** Where the CRM is and the credentials it takes (as the agency's admin gave them). */
    record Connection(String endpoint, Map<String, String> credentials) {}

    /** Tests the connection: credentials accepted and the property list readable; throws {@link CrmException} otherwise. */
    void test(Connection connection);

    /** The page that starts at {@code cursor} (null: the first). */
    CrmPage page(Connection connection, String cursor);
}
