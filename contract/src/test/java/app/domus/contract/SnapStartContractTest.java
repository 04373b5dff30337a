package app.domus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SnapStart can apply: it works on published versions only, so every function publishes one (AutoPublishAlias) with
 * SnapStart on, and whatever invokes a function by hand-written ARN (the WebSocket API's integrations and their
 * permissions) names its alias, not {@code $LATEST}.
 */
class SnapStartContractTest {
    private static final Pattern FUNCTION_ARN = Pattern.compile("\\$\\{(\\w+Function)\\.(\\w+)}/invocations");
    private static JsonNode source;
    private static JsonNode template;

    @BeforeAll
    static void load() throws Exception {
        ObjectMapper json = new ObjectMapper();
        source = json.valueToTree(CloudFormationYaml.load(CloudFormationYaml.repoRoot().resolve("template.yaml")));
        template = LanguageExtensions.expand(source);
    }

    @Test
    void everyFunctionPublishesAVersionWithSnapStart() {
        JsonNode globals = source.path("Globals").path("Function");
        List<String> problems = new ArrayList<>();
        TemplateContractTest.forEachFunction((name, properties) -> {
            String alias = properties.path("AutoPublishAlias").asText(globals.path("AutoPublishAlias").asText(""));
            String snapStart = properties.path("SnapStart").path("ApplyOn").asText(globals.path("SnapStart").path("ApplyOn").asText(""));
            if (alias.isEmpty()) problems.add(name + " publishes no version (no AutoPublishAlias)");
            if (!snapStart.equals("PublishedVersions")) problems.add(name + " has no SnapStart on its published versions");
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void handWrittenInvocationsNameTheAliasNotLatest() {
        List<String> problems = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(resource -> {
            JsonNode properties = resource.getValue().path("Properties");
            for (String field : new String[] {"IntegrationUri", "AuthorizerUri"}) {
                String uri = properties.path(field).path("Fn::Sub").asText(properties.path(field).asText(""));
                Matcher arn = FUNCTION_ARN.matcher(uri);
                if (arn.find() && !arn.group(2).equals("Alias")) problems.add(resource.getKey() + "." + field + " invokes " + arn.group(1) + "." + arn.group(2));
            }
            if (resource.getValue().path("Type").asText().equals("AWS::Lambda::Permission")) {
                String function = properties.path("FunctionName").path("Ref").asText("");
                if (!function.endsWith(".Alias")) problems.add(resource.getKey() + " permits " + function + " rather than its alias");
            }
        });
        assertThat(problems).isEmpty();
    }
}
