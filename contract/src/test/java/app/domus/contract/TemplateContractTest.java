package app.domus.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code template.yaml} against the official SAM schema and policy templates (from {@code ../shared/schemas/aws-sam/}
 * when that folder exists), and against the code: every handler class exists in the module whose artifact the
 * function deploys, and every function has a sample event in {@code events/}.
 */
class TemplateContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = CloudFormationYaml.repoRoot();
    private static final Path SAM_SCHEMAS = ROOT.resolve("../shared/schemas/aws-sam").normalize();

    private static JsonNode template;

    @BeforeAll
    static void load() throws Exception {
        template = JSON.valueToTree(CloudFormationYaml.load(ROOT.resolve("template.yaml")));
    }

    @Test
    void serverlessResourcesMatchTheOfficialSamSchema() throws Exception {
        Path schemaFile = SAM_SCHEMAS.resolve("sam.schema.json");
        assumeTrue(Files.exists(schemaFile), "skipped: " + schemaFile + " is absent (the SAM schema ships with the team's shared folder)");
        ObjectNode schemaJson = (ObjectNode) JSON.readTree(schemaFile.toFile());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

        List<String> problems = new ArrayList<>();
        Set<String> message = new TreeSet<>();
        for (ValidationMessage m : factory.getSchema(schemaJson).validate(template)) message.add(m.getMessage());
        if (!message.isEmpty()) problems.add("template: " + message);

        int serverless = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = resource.getValue().path("Type").asText();
            if (!type.startsWith("AWS::Serverless::")) continue;
            serverless++;
            String definition = "samtranslator__internal__schema_source__aws_serverless_"
                    + type.substring("AWS::Serverless::".length()).toLowerCase() + "__Resource";
            assertThat(schemaJson.path("definitions").has(definition)).as("SAM schema knows %s", type).isTrue();
            ObjectNode single = schemaJson.deepCopy();
            single.remove("properties");
            single.remove("required");
            single.put("$ref", "#/definitions/" + definition);
            Set<ValidationMessage> errors = factory.getSchema(single).validate(resource.getValue());
            if (!errors.isEmpty()) problems.add(resource.getKey() + ": " + errors);
        }
        assertThat(serverless).isGreaterThan(0);
        assertThat(problems).isEmpty();
    }

    @Test
    void samPolicyTemplatesExistAndGetExactlyTheirParameters() throws Exception {
        Path policies = SAM_SCHEMAS.resolve("policy_templates.json");
        assumeTrue(Files.exists(policies), "skipped: " + policies + " is absent");
        JsonNode known = JSON.readTree(policies.toFile()).path("Templates");
        List<String> problems = new ArrayList<>();
        forEachFunction((name, props) -> {
            for (JsonNode policy : props.path("Policies")) {
                if (!policy.isObject() || policy.has("Statement")) continue;
                String templateName = policy.fieldNames().next();
                JsonNode definition = known.path(templateName);
                if (definition.isMissingNode()) {
                    problems.add(name + ": unknown policy template " + templateName);
                    continue;
                }
                Set<String> expected = new TreeSet<>();
                definition.path("Parameters").fieldNames().forEachRemaining(expected::add);
                Set<String> given = new TreeSet<>();
                policy.path(templateName).fieldNames().forEachRemaining(given::add);
                if (!expected.equals(given)) problems.add(name + ": " + templateName + " takes " + expected + ", got " + given);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyHandlerClassExistsInTheModuleItsFunctionDeploys() {
        List<String> problems = new ArrayList<>();
        forEachFunction((name, props) -> {
            String handler = props.path("Handler").asText();
            String codeUri = props.path("CodeUri").asText();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("functions/([a-z-]+)/target/\\1-lambda\\.zip").matcher(codeUri);
            if (!m.matches()) {
                problems.add(name + ": CodeUri " + codeUri + " is not a context module's deployment zip");
                return;
            }
            String className = handler.split("::")[0];
            Path source = ROOT.resolve("functions").resolve(m.group(1)).resolve("src/main/java")
                    .resolve(className.replace('.', '/') + ".java");
            if (!Files.exists(source)) problems.add(name + ": no " + source);
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFunctionHasASampleEventThatMatchesItsRoute() throws Exception {
        List<String> problems = new ArrayList<>();
        forEachFunction((name, props) -> {
            Path sample = ROOT.resolve("events").resolve(name + ".json");
            if (!Files.exists(sample)) {
                problems.add(name + ": no events/" + name + ".json");
                return;
            }
            JsonNode event;
            try {
                event = JSON.readTree(sample.toFile());
            } catch (Exception e) {
                problems.add(name + ": events/" + name + ".json is not JSON");
                return;
            }
            for (JsonNode source : props.path("Events")) {
                String type = source.path("Type").asText();
                JsonNode p = source.path("Properties");
                if (type.equals("HttpApi")) {
                    String routeKey = p.path("Method").asText().toUpperCase() + " " + p.path("Path").asText();
                    if (!routeKey.equals(event.path("routeKey").asText())) problems.add(name + ": sample routeKey is not " + routeKey);
                } else if (type.equals("SQS") && !event.path("Records").path(0).path("eventSource").asText().equals("aws:sqs")) {
                    problems.add(name + ": sample is not an SQS event");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyQueueThatFeedsAFunctionHasADeadLetterQueueAndPartialBatchResponses() {
        List<String> problems = new ArrayList<>();
        forEachFunction((name, props) -> {
            for (JsonNode source : props.path("Events")) {
                if (!source.path("Type").asText().equals("SQS")) continue;
                JsonNode p = source.path("Properties");
                String queue = p.path("Queue").path("Fn::GetAtt").path(0).asText();
                if (!template.path("Resources").path(queue).path("Properties").path("RedrivePolicy").has("deadLetterTargetArn")) {
                    problems.add(name + ": queue " + queue + " has no DLQ");
                }
                if (!p.path("FunctionResponseTypes").toString().contains("ReportBatchItemFailures")) {
                    problems.add(name + ": does not report partial batch failures");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    static void forEachFunction(java.util.function.BiConsumer<String, JsonNode> action) {
        template.path("Resources").fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
                action.accept(e.getKey(), e.getValue().path("Properties"));
            }
        });
    }

    static JsonNode template() {
        return template;
    }
}
