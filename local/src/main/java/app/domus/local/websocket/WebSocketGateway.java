package app.domus.local.websocket;

import app.domus.local.json.Json;
import app.domus.local.runtime.FunctionError;
import app.domus.local.runtime.Functions;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The WebSocket API on its own port: handshakes admitted through the authorizer and {@code $connect}, messages routed
 * by the route selection expression ({@code $request.body.action}) to their functions or {@code $default},
 * {@code $disconnect} when a connection ends, and the open connections offered to the {@code @connections} API.
 */
public final class WebSocketGateway implements AutoCloseable {
    private static final int MAX_MESSAGE_BYTES = 128 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebSocketApi api;
    private final Functions functions;
    private final WebSocketEvents events;
    private final Admission admission;
    private final int port;
    private final Connections connections = new Connections();
    private final ExecutorService invocations = Executors.newVirtualThreadPerTaskExecutor();
    private final EventLoopGroup acceptor = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup(2);
    private Channel serverChannel;

    public WebSocketGateway(WebSocketApi api, Functions functions, int port, String region) {
        this.api = api;
        this.functions = functions;
        this.events = new WebSocketEvents(api, "127.0.0.1:" + port, region);
        this.admission = new Admission(api, events, functions);
        this.port = port;
    }

    public void start() throws InterruptedException {
        serverChannel = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_MESSAGE_BYTES), new HandshakeHandler());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", port)).sync().channel();
    }

    /** The {@code @connections} management API over this gateway's connections. */
    public ConnectionsApi connectionsApi() {
        return new ConnectionsApi(connections);
    }

    private final class HandshakeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
            if (!"websocket".equalsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE))) {
                reject(context, 426);
                return;
            }
            FullHttpRequest handshakeRequest = request.retainedDuplicate();
            String connectionId = newConnectionId();
            Instant connectedAt = Instant.now();
            WebSocketEvents.Handshake handshake = handshake(context, request);
            invocations.execute(() -> {
                Admission.Outcome outcome = admission.decide(connectionId, connectedAt, handshake);
                context.channel().eventLoop().execute(() -> {
                    try {
                        if (outcome.admitted()) {
                            upgrade(context, handshakeRequest, new Connection(connectionId, context.channel(), connectedAt,
                                    handshake.sourceIp(), handshake.userAgent(), outcome.authorizerContext()));
                        } else {
                            reject(context, outcome.status());
                        }
                    } finally {
                        handshakeRequest.release();
                    }
                });
            });
        }

        private void upgrade(ChannelHandlerContext context, FullHttpRequest request, Connection connection) {
            WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                    "ws://" + request.headers().get(HttpHeaderNames.HOST) + request.uri(), null, true, MAX_MESSAGE_BYTES).newHandshaker(request);
            if (handshaker == null) {
                WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(context.channel());
                return;
            }
            context.pipeline().addLast(new WebSocketFrameAggregator(MAX_MESSAGE_BYTES), new FrameHandler(connection, handshaker));
            handshaker.handshake(context.channel(), request).addListener(done -> {
                if (done.isSuccess()) connections.add(connection);
            });
        }

        private void reject(ChannelHandlerContext context, int status) {
            DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                    Unpooled.copiedBuffer(status == 401 ? "{\"message\":\"Unauthorized\"}" : status == 403 ? "{\"message\":\"Forbidden\"}" : "", StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        private WebSocketEvents.Handshake handshake(ChannelHandlerContext context, FullHttpRequest request) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            request.headers().names().forEach(name -> headers.put(name, request.headers().getAll(name)));
            Map<String, List<String>> query = new QueryStringDecoder(request.uri()).parameters();
            String sourceIp = ((InetSocketAddress) context.channel().remoteAddress()).getAddress().getHostAddress();
            String userAgent = request.headers().get(HttpHeaderNames.USER_AGENT, "");
            return new WebSocketEvents.Handshake(headers, query, sourceIp, userAgent);
        }
    }

    private final class FrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final Connection connection;
        private final WebSocketServerHandshaker handshaker;
        private int closeStatus = 1006;
        private String closeReason = "Connection lost";

        FrameHandler(Connection connection, WebSocketServerHandshaker handshaker) {
            this.connection = connection;
            this.handshaker = handshaker;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
            switch (frame) {
                case TextWebSocketFrame text -> {
                    connection.touched();
                    String body = text.text();
                    connection.enqueue(() -> route(connection, body), invocations);
                }
                case PingWebSocketFrame ping -> context.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
                case CloseWebSocketFrame close -> {
                    closeStatus = close.statusCode() < 0 ? 1005 : close.statusCode();
                    closeReason = close.reasonText();
                    handshaker.close(context.channel(), close.retain());
                }
                default -> { }
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            connections.remove(connection.id());
            connection.enqueue(() -> disconnect(connection, closeStatus, closeReason), invocations);
        }
    }

    private void route(Connection connection, String body) {
        WebSocketApi.Route route = selectRoute(body);
        if (route == null) {
            connection.send(Json.write(Map.of("message", "Forbidden", "connectionId", connection.id(), "requestId", newConnectionId())));
            return;
        }
        try {
            String output = functions.byArn(route.functionArn()).invoke(Json.write(events.message(connection, route.routeKey(), body)));
            JsonNode response = Json.readOrNull(output);
            if (route.returnsResponse() && response != null && response.hasNonNull("body")) connection.send(response.get("body").asText());
        } catch (FunctionError e) {
            connection.send(Json.write(Map.of("message", "Internal server error", "connectionId", connection.id(), "requestId", newConnectionId())));
        }
    }

    private WebSocketApi.Route selectRoute(String body) {
        JsonNode message = Json.readOrNull(body);
        if (message != null) {
            JsonNode selected = message;
            for (String segment : api.routeSelectionField().split("\\.")) selected = selected.path(segment);
            if (selected.isValueNode() && api.routes().containsKey(selected.asText())) return api.routes().get(selected.asText());
        }
        return api.routes().get("$default");
    }

    private void disconnect(Connection connection, int status, String reason) {
        WebSocketApi.Route route = api.routes().get("$disconnect");
        if (route == null) return;
        try {
            functions.byArn(route.functionArn()).invoke(Json.write(events.disconnect(connection, status, reason)));
        } catch (FunctionError e) {
            System.err.println("[websocket] $disconnect of " + connection.id() + " failed: " + e.getMessage());
        }
    }

    /** API Gateway's connection ids look like {@code L0SM9cOFvHcCIhw=}. */
    private static String newConnectionId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes);
    }

    @Override
    public void close() {
        if (serverChannel != null) serverChannel.close().syncUninterruptibly();
        workers.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        acceptor.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        invocations.shutdownNow();
    }
}
