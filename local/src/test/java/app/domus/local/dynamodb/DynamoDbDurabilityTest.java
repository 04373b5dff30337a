package app.domus.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the emulator acknowledged survives its process being killed right after the acknowledgement. Stock DynamoDB
 * Local queues a transaction's COMMIT and answers before it has run ({@link DurableRequestHandler}).
 */
class DynamoDbDurabilityTest {
    @TempDir
    Path data;

    @Test
    void everyAcknowledgedWriteIsThereAfterTheProcessIsKilled() throws Exception {
        List<String> acknowledged = writeInAChildKilledRightAfterAnAcknowledgement(freePort(), 1500);
        assertThat(acknowledged).as("the child wrote").hasSizeGreaterThan(10);

        int port = freePort();
        try (DynamoDbEmulator restarted = DynamoDbEmulator.start(port, data.resolve("dynamodb"));
             DynamoDbClient dynamoDb = WritesThenKill.client(port)) {
            List<String> missing = acknowledged.stream().filter(key -> !dynamoDb.getItem(get -> get.tableName(WritesThenKill.TABLE)
                    .key(Map.of("pk", AttributeValue.fromS(key)))).hasItem()).toList();
            assertThat(missing).as("acknowledged writes missing after the kill (of %d)", acknowledged.size()).isEmpty();
        }
    }

    private List<String> writeInAChildKilledRightAfterAnAcknowledgement(int port, long millis) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dsqlite4java.library.path=" + System.getProperty("sqlite4java.library.path"),
                WritesThenKill.class.getName(), String.valueOf(port), data.resolve("dynamodb").toString(), String.valueOf(millis))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.equals(WritesThenKill.KILL_ME)) {
                    child.destroyForcibly();
                    break;
                }
                if (line.startsWith(WritesThenKill.ACKNOWLEDGED)) acknowledged.add(line.substring(WritesThenKill.ACKNOWLEDGED.length()));
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child was killed").isTrue();
        assertThat(child.exitValue()).as("the child's exit: killed by SIGKILL").isEqualTo(128 + 9);
        return acknowledged;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
