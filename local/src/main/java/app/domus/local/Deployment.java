package app.domus.local;

import app.domus.local.runtime.FunctionDefinition;
import app.domus.local.template.IntrinsicResolver;
import app.domus.local.template.Template;
import app.domus.local.template.TemplateResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The template as deployed on this machine: which resources exist (conditions applied), their properties resolved to
 * local values, and the functions with their environments. Every component of the local cloud reads what it serves
 * from here, so nothing is declared twice.
 */
public final class Deployment {
    private static final Set<String> FUNCTION_TYPES = Set.of("AWS::Serverless::Function", "AWS::Lambda::Function");

    private final Template template;
    private final IntrinsicResolver resolver;
    private final LocalResourceNames names;
    private final ExecuteApiUrls executeApiUrls;
    private final LocalEndpoints endpoints;

    /** @param sqsBaseUrl where queues live (their URLs are what {@code !Ref} of a queue gives) */
    Deployment(Template template, Map<String, String> parameterOverrides, LocalEndpoints endpoints, String region, String sqsBaseUrl) {
        this.template = template;
        this.endpoints = endpoints;
        this.names = new LocalResourceNames(region, sqsBaseUrl);
        this.resolver = new IntrinsicResolver(template, parameterOverrides, pseudoParameters(region), names);
        this.executeApiUrls = new ExecuteApiUrls(httpApiStages(), webSocketApiIds(), endpoints);
    }

    public Template template() {
        return template;
    }

    public LocalResourceNames names() {
        return names;
    }

    public LocalEndpoints endpoints() {
        return endpoints;
    }

    public String region() {
        return names.region();
    }

    public Object parameter(String name) {
        return resolver.parameter(name);
    }

    /** The deployed resources of one type, in template order. */
    public List<TemplateResource> resources(String type) {
        return template.resourcesOfType(type).stream().filter(resolver::isDeployed).toList();
    }

    /** A resource's properties with every intrinsic function resolved and execute-api URLs made local. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> properties(TemplateResource resource) {
        return (Map<String, Object>) localise(resolver.resolve(resource.properties()));
    }

    public Object resolve(Object node) {
        return localise(resolver.resolve(node));
    }

    public List<TemplateResource> functionResources() {
        return template.resources().values().stream()
                .filter(resource -> FUNCTION_TYPES.contains(resource.type()) && resolver.isDeployed(resource))
                .toList();
    }

    /** Every deployed function's {@code Events} entry of the given SAM event type ({@code HttpApi}, {@code SQS}, ...). */
    public List<FunctionEvent> functionEvents(String type) {
        List<FunctionEvent> events = new ArrayList<>();
        for (TemplateResource function : functionResources()) {
            function.mapProperty("Events").forEach((name, definition) -> {
                Map<String, Object> event = asMap(definition);
                if (type.equals(event.get("Type"))) {
                    events.add(new FunctionEvent(function.logicalId(), name, type, asMap(resolve(event.get("Properties")))));
                }
            });
        }
        return events;
    }

    public List<FunctionDefinition> functions() {
        Map<String, Object> globals = template.functionGlobals();
        return functionResources().stream().map(function -> functionDefinition(function, globals)).toList();
    }

    private FunctionDefinition functionDefinition(TemplateResource function, Map<String, Object> globals) {
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        merged.putAll(function.properties());
        String handler = String.valueOf(merged.get("Handler"));
        int timeoutSeconds = Integer.parseInt(String.valueOf(resolver.resolve(merged.getOrDefault("Timeout", 3))));
        int memoryMb = Integer.parseInt(String.valueOf(resolver.resolve(merged.getOrDefault("MemorySize", 128))));

        Map<String, String> environment = new TreeMap<>();
        environment.putAll(variables(globals));
        environment.putAll(variables(function.properties()));
        environment.putAll(lambdaRuntimeVariables(function.logicalId(), handler, memoryMb));
        return new FunctionDefinition(function.logicalId(), handler, Duration.ofSeconds(timeoutSeconds), memoryMb,
                Map.copyOf(environment), names.functionArn(function.logicalId()));
    }

    private Map<String, String> variables(Map<String, Object> functionProperties) {
        Map<String, Object> environment = asMap(functionProperties.get("Environment"));
        Map<String, Object> variables = asMap(resolve(environment.get("Variables")));
        return variables.entrySet().stream().filter(entry -> entry.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> String.valueOf(entry.getValue())));
    }

    /** The variables Lambda itself sets in every function's environment. */
    private Map<String, String> lambdaRuntimeVariables(String functionName, String handler, int memoryMb) {
        return Map.of(
                "AWS_REGION", names.region(),
                "AWS_DEFAULT_REGION", names.region(),
                "AWS_LAMBDA_FUNCTION_NAME", functionName,
                "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(memoryMb),
                "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName,
                "AWS_EXECUTION_ENV", "AWS_Lambda_java21",
                "_HANDLER", handler);
    }

    private Object localise(Object value) {
        if (value instanceof String text) return executeApiUrls.localise(text);
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> localised = new LinkedHashMap<>();
            map.forEach((key, element) -> localised.put(String.valueOf(key), localise(element)));
            return localised;
        }
        if (value instanceof List<?> list) return list.stream().map(this::localise).toList();
        return value;
    }

    private Map<String, String> httpApiStages() {
        Map<String, String> stages = new LinkedHashMap<>();
        for (TemplateResource api : resources("AWS::Serverless::HttpApi")) {
            stages.put(names.apiId(api), api.property("StageName").map(resolver::resolveString).orElse("$default"));
        }
        return stages;
    }

    private Set<String> webSocketApiIds() {
        return resources("AWS::ApiGatewayV2::Api").stream()
                .filter(api -> "WEBSOCKET".equals(String.valueOf(api.properties().get("ProtocolType"))))
                .map(names::apiId)
                .collect(Collectors.toSet());
    }

    private static Map<String, String> pseudoParameters(String region) {
        return Map.of(
                "AWS::Region", region,
                "AWS::AccountId", LocalResourceNames.ACCOUNT,
                "AWS::Partition", "aws",
                "AWS::URLSuffix", "amazonaws.com",
                "AWS::StackName", "domus-local",
                "AWS::StackId", "arn:aws:cloudformation:" + region + ":" + LocalResourceNames.ACCOUNT + ":stack/domus-local/local");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
