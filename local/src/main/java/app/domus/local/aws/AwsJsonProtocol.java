package app.domus.local.aws;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The AWS JSON 1.1 protocol's parts that every emulator of it shares (SSM, Secrets Manager): the operation named by
 * {@code X-Amz-Target: <Service>.<Operation>}, the JSON input, and answers and errors ({@code __type}, {@code message})
 * as the SDKs read them; and the stores' one JSON file in the data directory, replaced whole on each change.
 */
final class AwsJsonProtocol {
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private AwsJsonProtocol() {}

    static String operation(AwsRequest request) {
        String target = request.header("X-Amz-Target");
        return target.substring(target.indexOf('.') + 1);
    }

    static JsonNode input(AwsRequest request) {
        return Json.read(request.bodyText().isBlank() ? "{}" : request.bodyText());
    }

    static AwsResponse ok(JsonNode output) {
        return AwsResponse.json(200, CONTENT_TYPE, Json.write(output));
    }

    static AwsResponse error(String type, String message) {
        return AwsResponse.json(400, CONTENT_TYPE, Json.write(Map.of("__type", type, "message", message)));
    }

    /** Writes the store's file through a temporary one and an atomic move, so a crash never leaves half a file. */
    static void save(Path file, Object content) {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
