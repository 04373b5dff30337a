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
 * function deploys, and every function has a sample event in {@code events/}. Like CloudFormation, the checks see the
 * template after the {@code AWS::LanguageExtensions} transform ({@link LanguageExtensions}) and before SAM's.
 */
class TemplateContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = CloudFormationYaml.repoRoot();
    private static final Path SAM_SCHEMAS = ROOT.resolve("../shared/schemas/aws-sam").normalize();

    private static final String CONSUMER_LOOP = "Fn::ForEach::ConsumerQueues";
    private static final String LOG_GROUP_LOOP = "Fn::ForEach::FunctionLogGroups";

    /** The template as written, its loops unexpanded. */
    private static JsonNode source;
    private static JsonNode template;

    @BeforeAll
    static void load() throws Exception {
        source = JSON.valueToTree(CloudFormationYaml.load(ROOT.resolve("template.yaml")));
        template = LanguageExtensions.expand(source);
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
                if (policy.has("Ref")) {
                    // A managed policy of this template, by its ARN (e.g. RequestGuardPolicy).
                    String type = template.path("Resources").path(policy.path("Ref").asText()).path("Type").asText();
                    if (!type.equals("AWS::IAM::ManagedPolicy")) problems.add(name + ": " + policy + " is not a managed policy of the template");
                    continue;
                }
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
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("functions/([a-z]+)/target/\\1(-[a-z]+)?-lambda\\.zip").matcher(codeUri);
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

    @Test
    void everyConsumerInTheMappingHasItsQueueAndAFunctionReadingItAndEveryQueueIsRead() {
        JsonNode loop = source.path("Resources").path(CONSUMER_LOOP);
        assertThat(loop.isArray()).as("Resources has %s", CONSUMER_LOOP).isTrue();
        Set<String> looped = new TreeSet<>(LanguageExtensions.collection(loop.get(1), source));
        Set<String> mapped = new TreeSet<>();
        source.path("Mappings").path("Consumers").fieldNames().forEachRemaining(mapped::add);
        assertThat(looped).as("the consumers %s loops over are the Consumers mapping's", CONSUMER_LOOP).isEqualTo(mapped);

        Map<String, List<String>> readers = new java.util.TreeMap<>();
        Set<String> failureDestinations = new TreeSet<>();
        forEachFunction((name, props) -> props.path("Events").forEach(event -> {
            JsonNode p = event.path("Properties");
            if (event.path("Type").asText().equals("SQS")) {
                readers.computeIfAbsent(p.path("Queue").path("Fn::GetAtt").path(0).asText(), queue -> new ArrayList<>()).add(name);
            }
            String destination = p.path("DestinationConfig").path("OnFailure").path("Destination").path("Fn::GetAtt").path(0).asText();
            if (!destination.isEmpty()) failureDestinations.add(destination);
        }));

        List<String> problems = new ArrayList<>();
        JsonNode resources = template.path("Resources");
        for (String consumer : mapped) {
            JsonNode eventTypes = source.path("Mappings").path("Consumers").path(consumer).path("EventTypes");
            if (!eventTypes.isArray() || eventTypes.isEmpty()) problems.add(consumer + ": no EventTypes in the Consumers mapping");
            for (String suffix : List.of("DLQ", "Queue", "Subscription", "QueuePolicy")) {
                if (!resources.has(consumer + suffix)) problems.add(consumer + ": no " + consumer + suffix);
            }
            if (readers.getOrDefault(consumer + "Queue", List.of()).size() != 1) {
                problems.add(consumer + ": read by " + readers.getOrDefault(consumer + "Queue", List.of()) + ", not by exactly one function");
            }
        }
        Set<String> deadLetterQueues = new TreeSet<>();
        resources.fields().forEachRemaining(e -> {
            String target = e.getValue().path("Properties").path("RedrivePolicy").path("deadLetterTargetArn").path("Fn::GetAtt").path(0).asText();
            if (!target.isEmpty()) deadLetterQueues.add(target);
        });
        resources.fields().forEachRemaining(e -> {
            String queue = e.getKey();
            if (!e.getValue().path("Type").asText().equals("AWS::SQS::Queue")) return;
            if (!readers.containsKey(queue) && !deadLetterQueues.contains(queue) && !failureDestinations.contains(queue)) {
                problems.add(queue + ": no function reads it, and it is no dead-letter queue or failure destination");
            }
        });
        resources.fields().forEachRemaining(e -> {
            JsonNode p = e.getValue().path("Properties");
            if (e.getValue().path("Type").asText().equals("AWS::SNS::Subscription") && p.path("Protocol").asText().equals("sqs")
                    && !mapped.contains(e.getKey().replaceFirst("Subscription$", ""))) {
                problems.add(e.getKey() + ": an SQS subscription outside the Consumers mapping");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyFunctionLogsToALogGroupOfItsOwnWithARetention() {
        List<String> problems = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        forEachFunction((name, props) -> {
            String group = props.path("LoggingConfig").path("LogGroup").path("Ref").asText();
            JsonNode logGroup = template.path("Resources").path(group);
            if (group.isEmpty() || !logGroup.path("Type").asText().equals("AWS::Logs::LogGroup")) {
                problems.add(name + ": no LoggingConfig.LogGroup referring to an AWS::Logs::LogGroup (add it to " + LOG_GROUP_LOOP + ")");
                return;
            }
            if (!used.add(group)) problems.add(name + ": shares the log group " + group);
            if (logGroup.path("Properties").path("RetentionInDays").isMissingNode()) problems.add(group + ": no RetentionInDays");
        });
        template.path("Resources").fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals("AWS::Logs::LogGroup") && !used.contains(e.getKey())) {
                problems.add(e.getKey() + ": no function logs to it");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void statefulResourcesOutliveTheStackAndReplacements() {
        List<String> problems = new ArrayList<>();
        Set<String> stateful = Set.of("AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::Serverless::SimpleTable");
        template.path("Resources").fields().forEachRemaining(e -> {
            if (!stateful.contains(e.getValue().path("Type").asText())) return;
            for (String policy : List.of("DeletionPolicy", "UpdateReplacePolicy")) {
                if (!e.getValue().path(policy).asText().equals("Retain")) problems.add(e.getKey() + ": " + policy + " is not Retain");
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
