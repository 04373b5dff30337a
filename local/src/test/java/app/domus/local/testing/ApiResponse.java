package app.domus.local.testing;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** What the HTTP API answered. */
public record ApiResponse(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
        return Json.read(body);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }
}
