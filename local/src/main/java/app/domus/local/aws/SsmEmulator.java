package app.domus.local.aws;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * SSM Parameter Store in the AWS JSON 1.1 protocol ({@code X-Amz-Target: AmazonSSM.<Operation>}): GetParameter,
 * GetParameters, GetParametersByPath, PutParameter, DeleteParameter. Values are returned as stored; decryption of
 * SecureStrings is a no-op locally. GetParameter also reads a Secrets Manager secret through Parameter Store's reference,
 * {@code /aws/reference/secretsmanager/<secret name>} (its current version, as a SecureString), as the service does.
 */
public final class SsmEmulator implements AwsApi {

    static final String SECRETS_MANAGER_REFERENCE = "/aws/reference/secretsmanager/";

    private final ParameterStore store;
    private final SecretStore secrets;
    private final String region;

    public SsmEmulator(ParameterStore store, String region) {
        this(store, null, region);
    }

    public SsmEmulator(ParameterStore store, SecretStore secrets, String region) {
        this.store = store;
        this.secrets = secrets;
        this.region = region;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        String operation = AwsJsonProtocol.operation(request);
        JsonNode input = AwsJsonProtocol.input(request);
        return switch (operation) {
            case "GetParameter" -> input.path("Name").asText().startsWith(SECRETS_MANAGER_REFERENCE) ? secretReference(input.path("Name").asText())
                    : store.get(input.path("Name").asText())
                    .map(parameter -> ok(Json.object().set("Parameter", describe(parameter))))
                    .orElseGet(() -> notFound(input.path("Name").asText()));
            case "GetParameters" -> getParameters(input);
            case "GetParametersByPath" -> {
                ObjectNode output = Json.object();
                ArrayNode found = output.putArray("Parameters");
                store.under(input.path("Path").asText(), input.path("Recursive").asBoolean(false)).forEach(parameter -> found.add(describe(parameter)));
                yield ok(output);
            }
            case "PutParameter" -> store.put(input.path("Name").asText(), input.path("Type").asText("String"),
                            input.path("Value").asText(), input.path("Overwrite").asBoolean(false))
                    .map(version -> ok(Json.object().put("Version", version).put("Tier", "Standard")))
                    .orElseGet(() -> error("ParameterAlreadyExists", "The parameter already exists. To overwrite this value, set the overwrite option in the request to true."));
            case "DeleteParameter" -> store.delete(input.path("Name").asText()) ? ok(Json.object()) : notFound(input.path("Name").asText());
            default -> error("InvalidAction", "The local cloud does not implement SSM " + operation);
        };
    }

    private AwsResponse secretReference(String name) {
        String secretName = name.substring(SECRETS_MANAGER_REFERENCE.length());
        var value = secrets == null ? java.util.Optional.<SecretStore.Version>empty()
                : secrets.find(secretName).filter(s -> s.deletionDate() == null).flatMap(SecretStore.Secret::current);
        if (value.isEmpty() || value.get().secretString() == null) return notFound(name);
        ObjectNode described = Json.object();
        described.put("Name", name);
        described.put("Type", "SecureString");
        described.put("Value", value.get().secretString());
        described.put("Version", 0);
        described.put("SourceResult", "");
        described.put("LastModifiedDate", value.get().created());
        described.put("ARN", secrets.find(secretName).orElseThrow().arn());
        described.put("DataType", "text");
        return ok(Json.object().set("Parameter", described));
    }

    private AwsResponse getParameters(JsonNode input) {
        ObjectNode output = Json.object();
        ArrayNode found = output.putArray("Parameters");
        ArrayNode invalid = output.putArray("InvalidParameters");
        for (JsonNode name : input.path("Names")) {
            store.get(name.asText()).ifPresentOrElse(parameter -> found.add(describe(parameter)), () -> invalid.add(name.asText()));
        }
        return ok(output);
    }

    private ObjectNode describe(ParameterStore.Parameter parameter) {
        ObjectNode described = Json.object();
        described.put("Name", parameter.name());
        described.put("Type", parameter.type());
        described.put("Value", parameter.value());
        described.put("Version", parameter.version());
        described.put("LastModifiedDate", parameter.lastModified());
        described.put("ARN", "arn:aws:ssm:" + region + ":000000000000:parameter" + (parameter.name().startsWith("/") ? "" : "/") + parameter.name());
        described.put("DataType", "text");
        return described;
    }

    private static AwsResponse ok(JsonNode output) {
        return AwsJsonProtocol.ok(output);
    }

    private static AwsResponse notFound(String name) {
        return error("ParameterNotFound", "Parameter " + name + " not found.");
    }

    private static AwsResponse error(String type, String message) {
        return AwsJsonProtocol.error(type, message);
    }
}
