package app.domus.local.dynamodb;

import com.amazonaws.services.dynamodbv2.local.monitoring.Telemetry;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import org.eclipse.jetty.server.Server;
import java.nio.file.Path;

/**
 * DynamoDB Local, in this JVM, keeping its tables in one SQLite file under the data directory, and acknowledging a
 * write only once it is committed ({@link DurableRequestHandler}).
 */
public final class DynamoDbEmulator implements AutoCloseable {
    private final Server server;

    private DynamoDbEmulator(Server server) {
        this.server = server;
    }

    /** On loopback only: DynamoDB Local's own server would listen on every interface, the whole table open to the network. */
    public static DynamoDbEmulator start(int port, Path dataDirectory) throws Exception {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), dataDirectory, new app.domus.local.faults.FaultInjector());
    }

    /** As {@link #start(int, Path)}, with the calls of the platform first put to {@code faults} ({@link FaultInjectingHandler}). */
    public static DynamoDbEmulator start(int port, Path dataDirectory, app.domus.local.faults.FaultInjector faults) throws Exception {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), dataDirectory, faults);
    }

    /**
     * What ServerRunner does for "-sharedDb -dbPath <dir> -disableTelemetry", with our request handler, on our own Jetty
     * server bound to {@code address}: DynamoDB Local's proxy server gives its handlers ({@code setUpHandler}) but binds
     * all interfaces itself.
     */
    public static DynamoDbEmulator start(InetSocketAddress address, Path dataDirectory) throws Exception {
        return start(address, dataDirectory, new app.domus.local.faults.FaultInjector());
    }

    private static DynamoDbEmulator start(InetSocketAddress address, Path dataDirectory, app.domus.local.faults.FaultInjector faults) throws Exception {
        SqliteNatives.locate();
        Files.createDirectories(dataDirectory);
        Telemetry.configureTelemetry("MAVEN", "SHARED_DB", false);
        LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(new DurableRequestHandler(dataDirectory.toString()), null);
        Server server = new Server(address);
        server.setHandler(new FaultInjectingHandler(faults, new DynamoDBProxyServer(address.getPort(), handler).setUpHandler(handler)));
        server.start();
        return new DynamoDbEmulator(server);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
