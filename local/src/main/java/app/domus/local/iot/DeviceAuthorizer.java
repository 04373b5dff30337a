package app.domus.local.iot;

import app.domus.local.Deployment;
import app.domus.local.LocalResourceNames;
import app.domus.local.json.Json;
import app.domus.local.runtime.Functions;
import app.domus.local.runtime.LocalFunction;
import app.domus.local.template.TemplateResource;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * IoT Core's custom authentication of MQTT clients: the template's active {@code AWS::IoT::Authorizer}s, one of which
 * is invoked with AWS's custom-authorizer event for every CONNECT, and whose answer decides whether the client is
 * admitted and with which {@link IotPolicy}. The authorizer is the one the user name names
 * ({@code ?x-amz-customauthorizer-name=...}, as on AWS), else the {@code DefaultAuthorizerName} of an
 * {@code AWS::IoT::DomainConfiguration}, else the only active one.
 */
public final class DeviceAuthorizer {
    /** IoT Core gives a custom authorizer's function five seconds, whatever the function's own timeout. */
    static final Duration AWS_TIME_LIMIT = Duration.ofSeconds(5);
    private static final String NAME_PARAMETER = "x-amz-customauthorizer-name";
    private static final Pattern PRINCIPAL_ID = Pattern.compile("[a-zA-Z0-9]{1,128}");
    private static final int MAX_POLICY_DOCUMENTS = 10;
    private static final int MAX_POLICY_DOCUMENT_CHARACTERS = 2048;

    private final List<Authorizer> active;
    private final Authorizer defaultAuthorizer;
    private final LocalResourceNames names;
    private final Duration timeLimit;

    /** One authorizer: {@code !Ref} gives its name on AWS and its logical id locally, so either names it. */
    record Authorizer(String name, String logicalId, LocalFunction function) {
        boolean named(String nameOrLogicalId) {
            return name.equals(nameOrLogicalId) || logicalId.equals(nameOrLogicalId);
        }
    }

    /** Admitted with {@code policy}, or refused for {@code refusal}. */
    public record Decision(IotPolicy policy, String principalId, String refusal) {
        static Decision refused(String reason) {
            return new Decision(null, null, reason);
        }

        public boolean admitted() {
            return refusal == null;
        }
    }

    DeviceAuthorizer(List<Authorizer> active, Authorizer defaultAuthorizer, LocalResourceNames names, Duration timeLimit) {
        this.active = List.copyOf(active);
        this.defaultAuthorizer = defaultAuthorizer;
        this.names = names;
        this.timeLimit = timeLimit;
    }

    /** The template's device authentication, or empty when it has no active authorizer (the broker then admits anyone). */
    public static Optional<DeviceAuthorizer> from(Deployment deployment, Functions functions) {
        List<Authorizer> active = new ArrayList<>();
        for (TemplateResource resource : deployment.resources("AWS::IoT::Authorizer")) {
            Map<String, Object> properties = deployment.properties(resource);
            // CreateAuthorizer makes an authorizer ACTIVE unless told otherwise.
            if (!"ACTIVE".equals(String.valueOf(properties.getOrDefault("Status", "ACTIVE")))) continue;
            String name = String.valueOf(properties.getOrDefault("AuthorizerName", resource.logicalId()));
            active.add(new Authorizer(name, resource.logicalId(), functions.byArn(String.valueOf(properties.get("AuthorizerFunctionArn")))));
        }
        if (active.isEmpty()) return Optional.empty();
        return Optional.of(new DeviceAuthorizer(active, defaultAuthorizer(deployment, active), deployment.names(), AWS_TIME_LIMIT));
    }

    private static Authorizer defaultAuthorizer(Deployment deployment, List<Authorizer> active) {
        for (TemplateResource domain : deployment.resources("AWS::IoT::DomainConfiguration")) {
            if (!(deployment.properties(domain).get("AuthorizerConfig") instanceof Map<?, ?> config) || config.get("DefaultAuthorizerName") == null) continue;
            String name = String.valueOf(config.get("DefaultAuthorizerName"));
            Optional<Authorizer> named = active.stream().filter(authorizer -> authorizer.named(name)).findFirst();
            if (named.isEmpty()) System.err.println("[mqtt] " + domain.logicalId() + "'s DefaultAuthorizerName " + name + " is no active authorizer");
            return named.orElse(null);
        }
        return active.size() == 1 ? active.getFirst() : null;
    }

    /** An IoT ARN in the local account and region: {@code client/dev-1}, {@code topic/a/b}, {@code topicfilter/a/+}. */
    public String arn(String resource) {
        return names.arn("iot", resource);
    }

    /**
     * Runs the authorizer for a CONNECT, within IoT Core's time limit: it admits the client when it answers
     * {@code isAuthenticated: true} with a valid principal id and policies, and those allow {@code iot:Connect} as
     * {@code clientId}. A failing, slow or malformed answer refuses, as on AWS.
     *
     * @param password the CONNECT's password bytes, or null
     */
    public Decision authorize(String clientId, String username, byte[] password) {
        Optional<Authorizer> authorizer = chosen(username);
        if (authorizer.isEmpty()) {
            return Decision.refused("no authorizer: the user name names none that is active (?" + NAME_PARAMETER
                    + "=), and no DomainConfiguration's DefaultAuthorizerName picks one of " + active.stream().map(Authorizer::name).toList());
        }
        String event = Json.write(event(clientId, username, password));
        String answer;
        try {
            answer = invokeWithinTimeLimit(authorizer.get().function(), event);
        } catch (TimeoutException e) {
            return Decision.refused(authorizer.get().name() + " did not answer within " + timeLimit.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Decision.refused(authorizer.get().name() + " failed: " + e.getCause().getMessage());
        }
        return decision(authorizer.get().name(), Json.readOrNull(answer), clientId);
    }

    private Optional<Authorizer> chosen(String username) {
        String named = username == null ? null : nameParameter(username);
        if (named == null) return Optional.ofNullable(defaultAuthorizer);
        return active.stream().filter(authorizer -> authorizer.named(named)).findFirst();
    }

    private static String nameParameter(String username) {
        int query = username.indexOf('?');
        if (query < 0) return null;
        for (String parameter : username.substring(query + 1).split("&")) {
            if (parameter.startsWith(NAME_PARAMETER + "=")) {
                return URLDecoder.decode(parameter.substring(NAME_PARAMETER.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** AWS's event for an MQTT CONNECT with signing disabled: no token, the password base64-encoded. */
    private static Map<String, Object> event(String clientId, String username, byte[] password) {
        Map<String, Object> mqtt = new LinkedHashMap<>();
        if (username != null) mqtt.put("username", username);
        if (password != null) mqtt.put("password", Base64.getEncoder().encodeToString(password));
        mqtt.put("clientId", clientId);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("signatureVerified", false);
        event.put("protocols", List.of("mqtt"));
        event.put("protocolData", Map.of("mqtt", mqtt));
        event.put("connectionMetadata", Map.of("id", UUID.randomUUID().toString()));
        return event;
    }

    /**
     * Moquette asks on its Netty event loop and waits for the answer, so the invocation runs on its own thread and the
     * wait is bounded. As on AWS, IoT Core stops waiting but the function runs on, up to its own timeout.
     */
    private String invokeWithinTimeLimit(LocalFunction function, String event) throws TimeoutException, ExecutionException {
        CompletableFuture<String> answer = new CompletableFuture<>();
        Thread.ofVirtual().name("iot-authorizer").start(() -> {
            try {
                answer.complete(function.invoke(event));
            } catch (Exception e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException(new IllegalStateException("interrupted while waiting for its answer", e));
        }
    }

    private Decision decision(String authorizerName, JsonNode answer, String clientId) {
        if (answer == null || !answer.isObject()) return Decision.refused(authorizerName + " answered no JSON object");
        if (!answer.path("isAuthenticated").asBoolean(false)) return Decision.refused(authorizerName + " answered isAuthenticated: false");
        String principalId = answer.path("principalId").asText("");
        if (!PRINCIPAL_ID.matcher(principalId).matches()) {
            return Decision.refused(authorizerName + "'s principalId must be 1 to 128 letters and digits, not \"" + principalId + "\"");
        }
        JsonNode documents = answer.path("policyDocuments");
        if (!documents.isArray()) return Decision.refused(authorizerName + "'s policyDocuments is not a list");
        if (documents.size() > MAX_POLICY_DOCUMENTS) return Decision.refused(authorizerName + " returned more than " + MAX_POLICY_DOCUMENTS + " policy documents");
        for (JsonNode document : documents) {
            String text = document.isTextual() ? document.asText() : Json.write(document);
            if (text.length() > MAX_POLICY_DOCUMENT_CHARACTERS) {
                return Decision.refused(authorizerName + " returned a policy document of " + text.length() + " characters; IoT Core takes " + MAX_POLICY_DOCUMENT_CHARACTERS);
            }
        }
        IotPolicy policy;
        try {
            policy = IotPolicy.of(documents);
        } catch (IllegalArgumentException e) {
            return Decision.refused(authorizerName + "'s policyDocuments: " + e.getMessage());
        }
        String clientArn = arn("client/" + clientId);
        if (!policy.allows("iot:Connect", clientArn, clientId)) return Decision.refused("its policy does not allow iot:Connect on " + clientArn);
        return new Decision(policy, principalId, null);
    }
}
