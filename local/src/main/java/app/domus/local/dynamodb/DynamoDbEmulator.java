package app.domus.local.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;

/** DynamoDB Local, in this JVM, keeping its tables in one SQLite file under the data directory. */
public final class DynamoDbEmulator implements AutoCloseable {
    private final DynamoDBProxyServer server;

    private DynamoDbEmulator(DynamoDBProxyServer server) {
        this.server = server;
    }

    public static DynamoDbEmulator start(int port, Path dataDirectory) throws Exception {
        SqliteNatives.locate();
        Files.createDirectories(dataDirectory);
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                "-port", String.valueOf(port), "-dbPath", dataDirectory.toString(), "-sharedDb", "-disableTelemetry"});
        server.start();
        return new DynamoDbEmulator(server);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
