package app.domus.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.http.Problem;
import app.domus.shared.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on what handlers answer, shared by every context's tests. */
public final class Responses {
    private Responses() {}

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.tree(response.getBody());
    }

    /** Asserts an RFC 9457 problem of this status and type slug (e.g. {@code invalid-state}), and returns its body. */
    public static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String type) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", Problem.MEDIA_TYPE);
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).isEqualTo("https://problems.domus.app/" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }
}
