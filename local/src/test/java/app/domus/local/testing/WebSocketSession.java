package app.domus.local.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A client connection to the WebSocket API, collecting what the server sends. */
public final class WebSocketSession implements AutoCloseable {
    private final WebSocket socket;
    private final BlockingQueue<String> received;

    private WebSocketSession(WebSocket socket, BlockingQueue<String> received) {
        this.socket = socket;
        this.received = received;
    }

    /**
     * Opens the connection.
     *
     * @throws HandshakeRejected when the gateway refuses the handshake (its HTTP status tells why)
     */
    static WebSocketSession open(URI uri) throws InterruptedException {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        try {
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(uri, new Collector(received)).get(30, TimeUnit.SECONDS);
            return new WebSocketSession(socket, received);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException rejected) throw new HandshakeRejected(rejected.getResponse().statusCode());
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("No WebSocket handshake answer from " + uri, e);
        }
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next message from the server, or an error after {@code timeout}. */
    public String awaitMessage(Duration timeout) throws InterruptedException {
        String message = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) throw new AssertionError("No WebSocket message within " + timeout);
        return message;
    }

    public boolean isClosedByServer() {
        return socket.isInputClosed();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    /** The gateway answered the handshake with this HTTP status instead of switching protocols. */
    public static final class HandshakeRejected extends RuntimeException {
        private final int status;

        HandshakeRejected(int status) {
            super("WebSocket handshake rejected with HTTP " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private static final class Collector implements WebSocket.Listener {
        private final BlockingQueue<String> received;
        private final StringBuilder partial = new StringBuilder();

        Collector(BlockingQueue<String> received) {
            this.received = received;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
