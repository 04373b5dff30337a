package app.domus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Postman collection in api/collection/ has every operation of api/openapi.yaml, and is what ApiCollection makes of it. */
class ApiCollectionContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path root;
    private static JsonNode openApi;

    @BeforeAll
    static void load() throws Exception {
        root = CloudFormationYaml.repoRoot();
        if (Boolean.getBoolean("domus.collection.write")) ApiCollection.write(root);
        openApi = JSON.valueToTree(CloudFormationYaml.load(root.resolve("api/openapi.yaml")));
    }

    @Test
    void everyOperationIsInTheCollection() throws Exception {
        Set<String> documented = new TreeSet<>();
        openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (ApiCollection.METHODS.contains(method)) documented.add(method.toUpperCase() + " " + path.getKey());
        }));
        Set<String> collected = new TreeSet<>();
        collectRequests(JSON.readTree(root.resolve(ApiCollection.COLLECTION).toFile()), collected);
        assertThat(documented).as("operations of api/openapi.yaml missing from %s", ApiCollection.COLLECTION)
                .isSubsetOf(collected);
        assertThat(collected).as("the collection's requests of operations the document does not have")
                .isSubsetOf(withConsole(documented));
    }

    @Test
    void theCommittedCollectionIsCurrent() throws Exception {
        String regenerate = "regenerate it: ./mvnw -o -q -pl contract test -Dtest=ApiCollectionContractTest -Ddomus.collection.write=true";
        assertThat(Files.readString(root.resolve(ApiCollection.COLLECTION))).as("%s is stale; %s", ApiCollection.COLLECTION, regenerate)
                .isEqualTo(ApiCollection.collection(openApi));
        assertThat(Files.readString(root.resolve(ApiCollection.ENVIRONMENT))).as("%s is stale; %s", ApiCollection.ENVIRONMENT, regenerate)
                .isEqualTo(ApiCollection.environment());
    }

    /** The requests of the collection as "METHOD /path/{parameter}", from Postman's {@code :parameter} form. */
    private static void collectRequests(JsonNode item, Set<String> into) {
        if (item.has("request")) {
            String path = item.path("request").path("url").path("raw").asText()
                    .replaceFirst("^\\{\\{baseUrl}}", "").replaceFirst("\\?.*$", "").replaceAll(":([A-Za-z0-9_]+)", "{$1}");
            into.add(item.path("request").path("method").asText() + " " + path);
        }
        item.path("item").forEach(child -> collectRequests(child, into));
    }

    private static Set<String> withConsole(Set<String> documented) {
        Set<String> allowed = new TreeSet<>(documented);
        allowed.add("GET /_local/demo");
        return allowed;
    }
}
