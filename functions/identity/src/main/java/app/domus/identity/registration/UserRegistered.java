package app.domus.identity.registration;

/**
 * Payload of {@code UserRegistered}: who joined which organisation in which role, and where ({@code buildingId} and
 * {@code unitId} only when the invitation named them). {@code role} is the wire name.
 */
public record UserRegistered(String userId, String email, String role, String organisationId, String buildingId,
                             String unitId) {
    public static final String TYPE = "UserRegistered";
}
