package app.domus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * api/openapi.yaml parses as it reads. A flow mapping ends a plain scalar at ", ", so
 * {@code {type: string, description: presigned, valid 1 hour}} is the description "presigned" and a stray key
 * "valid 1 hour" without a value: the document still parses and even validates (3.1 schemas take any keyword), and
 * the text is silently cut. Nothing in the document is meant to be null but an enum's member or a default, example
 * or const, so every other key without a value is such a cut. (Spectral's rule {@code no-key-without-value} in
 * api/.spectral.yaml says the same where npm runs.)
 */
class OpenApiYamlContractTest {
    private static final Set<String> MAY_BE_NULL = Set.of("default", "example", "const");

    @Test
    void noKeyIsWithoutAValue() throws Exception {
        Object document = new Yaml().load(Files.readString(CloudFormationYaml.repoRoot().resolve("api/openapi.yaml")));
        Set<String> cut = new TreeSet<>();
        collectKeysWithoutValue(document, "", cut);
        assertThat(cut).as("keys without a value in api/openapi.yaml: a description with a comma in a flow mapping? Quote it").isEmpty();
    }

    @Test
    void aDescriptionCutAtItsCommaIsFound() {
        Object cutDocument = new Yaml().load("url: {type: string, format: uri, description: presigned GET, valid 1 hour}\n"
                + "status: {type: [string, 'null'], enum: [a, null], default: null}\n");
        Set<String> cut = new TreeSet<>();
        collectKeysWithoutValue(cutDocument, "", cut);
        assertThat(cut).containsExactly("/url/valid 1 hour");
    }

    private static void collectKeysWithoutValue(Object node, String pointer, Set<String> found) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String at = pointer + "/" + key;
                if (value == null && !MAY_BE_NULL.contains(String.valueOf(key))) found.add(at);
                collectKeysWithoutValue(value, at, found);
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) collectKeysWithoutValue(list.get(i), pointer + "/" + i, found);
        }
    }
}
