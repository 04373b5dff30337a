package app.domus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls of the local HTTP API that set a figure up (registering meters, starting a conversation, posting a message). */
final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Api() {}

    /** POSTs the body as JSON with the bearer token; anything but 201 is an error. */
    static JsonNode created(HttpClient http, String baseUrl, String token, String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("authorization", "Bearer " + token).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        return JSON.readTree(response.body());
    }
}
