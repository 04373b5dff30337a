package app.domus.local.dynamodb;

import com.amazonaws.services.dynamodbv2.local.monitoring.Telemetry;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * DynamoDB Local, in this JVM, keeping its tables in one SQLite file under the data directory, and acknowledging a
 * write only once it is committed ({@link DurableRequestHandler}).
 */
public final class DynamoDbEmulator implements AutoCloseable {
    private final DynamoDBProxyServer server;

    private DynamoDbEmulator(DynamoDBProxyServer server) {
        this.server = server;
    }

    public static DynamoDbEmulator start(int port, Path dataDirectory) throws Exception {
        SqliteNatives.locate();
        Files.createDirectories(dataDirectory);
        // What ServerRunner does for "-sharedDb -dbPath <dir> -disableTelemetry", with our request handler.
        Telemetry.configureTelemetry("MAVEN", "SHARED_DB", false);
        DynamoDBProxyServer server = new DynamoDBProxyServer(port,
                new LocalDynamoDBServerHandler(new DurableRequestHandler(dataDirectory.toString()), null));
        server.start();
        return new DynamoDbEmulator(server);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
