package app.domus.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DynamoDB Local answers on loopback and nowhere else: the table (users, sessions, ballots) is not open to the network. */
class DynamoDbLoopbackTest {

    private static Optional<InetAddress> anotherInterfacesAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) continue;
            for (InetAddress a : Collections.list(nic.getInetAddresses())) if (a instanceof Inet4Address) return Optional.of(a);
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void itListensOnLoopbackOnly() throws Exception {
        Optional<InetAddress> outside = anotherInterfacesAddress();
        assumeTrue(outside.isPresent(), "skipped: this machine has no network interface but loopback");
        int port = freePort();
        Path data = Files.createTempDirectory("dynamodb-loopback");
        try (DynamoDbEmulator emulator = DynamoDbEmulator.start(port, data)) {
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
                assertThat(loopback.isConnected()).isTrue();
            }
            assertThatThrownBy(() -> {
                try (Socket network = new Socket()) {
                    network.connect(new InetSocketAddress(outside.get(), port), 2000);
                }
            }).as("connecting on %s", outside.get()).isInstanceOf(IOException.class);
        }
    }
}
