package app.domus.privacy.deletion;

import java.util.List;

/**
 * Payload of {@code AccountDeleted}: whose account (its id, from now on a pseudonym), when, and the organisations it
 * belonged to. Contexts holding copies of the person's data erase them on it (README: "Privacy").
 */
public record AccountDeleted(String userId, String deletedAt, List<String> organisationIds) {
    public static final String TYPE = "AccountDeleted";
}
