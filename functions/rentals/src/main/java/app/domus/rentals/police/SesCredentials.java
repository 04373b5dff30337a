package app.domus.rentals.police;

import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What SES.HOSPEDAJES's web service is called with: the web-service user and password (HTTP Basic; not the person's
 * login to the portal) and the landlord's code ({@code codigoArrendador}, the entity registered with the portal).
 * Kept as one SecureString (JSON {@code {"user", "password", "landlordCode"}}), never in the template.
 */
public record SesCredentials(String user, String password, String landlordCode) {

    public static SesCredentials fromJson(String json) {
        JsonNode node = Json.tree(json);
        return new SesCredentials(node.path("user").asText(), node.path("password").asText(), node.path("landlordCode").asText());
    }

    @Override
    public String toString() {
        return "SesCredentials[user=" + user + ", landlordCode=" + landlordCode + "]";
    }
}
