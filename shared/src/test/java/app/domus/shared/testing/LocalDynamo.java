package app.domus.shared.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * DynamoDB Local, in-process, once per test JVM, with every table {@code template.yaml} declares created
 * under its logical id (so tests and the template cannot drift apart). Each test gets fresh tables through
 * {@link #freshTable(String)} (a unique copy of a template table).
 */
public final class LocalDynamo {
    private static DynamoDBProxyServer server;
    private static DynamoDbClient client;
    private static Map<String, Object> tables;

    private LocalDynamo() {}

    public static synchronized DynamoDbClient client() {
        if (client == null) start();
        return client;
    }

    public static DynamoDbEnhancedClient enhanced() {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client()).build();
    }

    /** Creates a new, empty table shaped like the template's {@code logicalId} table and returns its name. */
    @SuppressWarnings("unchecked")
    public static synchronized String freshTable(String logicalId) {
        client();
        Map<String, Object> resource = (Map<String, Object>) tables.get(logicalId);
        if (resource == null) throw new IllegalArgumentException("template.yaml has no table " + logicalId);
        Map<String, Object> props = (Map<String, Object>) resource.get("Properties");
        String name = logicalId + "-" + System.nanoTime();
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) props.get("AttributeDefinitions")) {
            attributes.add(AttributeDefinition.builder().attributeName((String) a.get("AttributeName"))
                    .attributeType((String) a.get("AttributeType")).build());
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Map<String, Object> g : (List<Map<String, Object>>) props.getOrDefault("GlobalSecondaryIndexes", List.of())) {
            indexes.add(GlobalSecondaryIndex.builder().indexName((String) g.get("IndexName"))
                    .keySchema(keys((List<Map<String, Object>>) g.get("KeySchema")))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build());
        }
        client.createTable(b -> {
            b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST).attributeDefinitions(attributes)
                    .keySchema(keys((List<Map<String, Object>>) props.get("KeySchema")));
            if (!indexes.isEmpty()) b.globalSecondaryIndexes(indexes);
        });
        return name;
    }

    private static List<KeySchemaElement> keys(List<Map<String, Object>> schema) {
        return schema.stream().map(k -> KeySchemaElement.builder().attributeName((String) k.get("AttributeName"))
                .keyType((String) k.get("KeyType")).build()).toList();
    }

    @SuppressWarnings("unchecked")
    private static void start() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            server = ServerRunner.createServerFromCommandLineArgs(new String[] {"-inMemory", "-port", Integer.toString(port)});
            server.start();
            client = DynamoDbClient.builder()
                    .endpointOverride(URI.create("http://127.0.0.1:" + port))
                    .region(Region.EU_CENTRAL_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
            Map<String, Object> template = readTemplate();
            tables = new java.util.HashMap<>();
            // Resources may hold more than resources: an Fn::ForEach (AWS::LanguageExtensions) is a list, not a table.
            ((Map<String, Object>) template.get("Resources")).forEach((id, r) -> {
                if (r instanceof Map<?, ?> resource && "AWS::DynamoDB::Table".equals(resource.get("Type"))) tables.put(id, r);
            });
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (Exception ignored) {
                    // the JVM is going away anyway
                }
            }));
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
    }

    /** template.yaml, read with CloudFormation's short-form tags (!Ref, !GetAtt, ...) kept as plain values. */
    public static Map<String, Object> readTemplate() throws IOException {
        Path path = Path.of("").toAbsolutePath();
        while (path != null && !Files.exists(path.resolve("template.yaml"))) path = path.getParent();
        if (path == null) throw new IOException("template.yaml not found above " + Path.of("").toAbsolutePath());
        try (InputStream in = Files.newInputStream(path.resolve("template.yaml"))) {
            return new Yaml(new CfnTolerantConstructor()).load(in);
        }
    }

    private static final class CfnTolerantConstructor extends SafeConstructor {
        CfnTolerantConstructor() {
            super(new LoaderOptions());
            this.yamlMultiConstructors.put("!", new org.yaml.snakeyaml.constructor.AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    if (node instanceof ScalarNode scalar) return Map.of(node.getTag().getValue(), scalar.getValue());
                    if (node instanceof SequenceNode seq) {
                        seq.setTag(Tag.SEQ);
                        return Map.of("tag", constructSequence(seq));
                    }
                    node.setTag(Tag.MAP);
                    return constructMapping((org.yaml.snakeyaml.nodes.MappingNode) node);
                }
            });
        }
    }
}
