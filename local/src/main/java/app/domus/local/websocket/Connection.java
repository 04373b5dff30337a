package app.domus.local.websocket;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** One open WebSocket connection and what API Gateway remembers about it. */
final class Connection {
    private final String id;
    private final Channel channel;
    private final Instant connectedAt;
    private final String sourceIp;
    private final String userAgent;
    private final Map<String, Object> authorizerContext;
    private volatile Instant lastActiveAt;
    /** Messages of one connection reach the functions in the order they arrived. */
    private CompletableFuture<Void> lastMessage = CompletableFuture.completedFuture(null);

    Connection(String id, Channel channel, Instant connectedAt, String sourceIp, String userAgent, Map<String, Object> authorizerContext) {
        this.id = id;
        this.channel = channel;
        this.connectedAt = connectedAt;
        this.sourceIp = sourceIp;
        this.userAgent = userAgent;
        this.authorizerContext = authorizerContext;
        this.lastActiveAt = connectedAt;
    }

    String id() { return id; }
    Instant connectedAt() { return connectedAt; }
    Instant lastActiveAt() { return lastActiveAt; }
    String sourceIp() { return sourceIp; }
    String userAgent() { return userAgent; }
    Map<String, Object> authorizerContext() { return authorizerContext; }

    void touched() {
        lastActiveAt = Instant.now();
    }

    void send(String text) {
        channel.writeAndFlush(new TextWebSocketFrame(text));
    }

    void close() {
        channel.writeAndFlush(new CloseWebSocketFrame(1000, "Goodbye")).addListener(done -> channel.close());
    }

    synchronized void enqueue(Runnable work, java.util.concurrent.Executor executor) {
        lastMessage = lastMessage.thenRunAsync(work, executor);
    }
}
