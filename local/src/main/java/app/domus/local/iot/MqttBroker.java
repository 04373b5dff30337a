package app.domus.local.iot;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.InterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The IoT Core message broker: Moquette on the MQTT port, without persistence or telemetry. With the template's custom
 * authorizer every client must authenticate through it and stays within the policy it returned; without one, anyone
 * connects and publishes.
 */
public final class MqttBroker implements AutoCloseable {
    private static final String LOCAL_PUBLISHER = "iot-data-plane";

    private final Server server = new Server();

    /** Sees every message published to the broker (by devices, or through the IoT data API). */
    public interface PublishListener {
        void published(String topic, String clientId, byte[] payload);
    }

    public static MqttBroker start(int port, PublishListener listener, Optional<DeviceAuthorizer> deviceAuthorizer) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("host", "127.0.0.1");
        properties.setProperty("port", String.valueOf(port));
        properties.setProperty("websocket_port", "disabled");
        properties.setProperty("allow_anonymous", String.valueOf(deviceAuthorizer.isEmpty()));
        properties.setProperty("persistence_enabled", "false");
        properties.setProperty("telemetry_enabled", "false");
        properties.setProperty("netty.epoll", "false");
        MqttBroker broker = new MqttBroker();
        List<InterceptHandler> handlers = new ArrayList<>(List.of(new Interceptor(listener)));
        if (deviceAuthorizer.isPresent()) {
            AuthorizedConnections connections = new AuthorizedConnections(deviceAuthorizer.get());
            handlers.add(connections);
            broker.server.startServer(new MemoryConfig(properties), handlers, null, connections, connections);
        } else {
            broker.server.startServer(new MemoryConfig(properties), handlers);
        }
        return broker;
    }

    public void publish(String topic, byte[] payload, int qos, boolean retain) {
        server.internalPublish(MqttMessageBuilders.publish()
                .topicName(topic)
                .qos(MqttQoS.valueOf(Math.min(qos, 1)))
                .retained(retain)
                .payload(Unpooled.copiedBuffer(payload))
                .build(), LOCAL_PUBLISHER);
    }

    @Override
    public void close() {
        server.stopServer();
    }

    private static final class Interceptor extends AbstractInterceptHandler {
        private final PublishListener listener;

        Interceptor(PublishListener listener) {
            this.listener = listener;
        }

        @Override
        public String getID() {
            return "iot-rules";
        }

        @Override
        public void onPublish(InterceptPublishMessage message) {
            ByteBuf payload = message.getPayload();
            byte[] bytes = new byte[payload.readableBytes()];
            payload.getBytes(payload.readerIndex(), bytes);
            // Each interceptor gets its own retained duplicate of the payload and must release it.
            payload.release();
            listener.published(message.getTopicName(), message.getClientID(), bytes);
        }

        @Override
        public void onSessionLoopError(Throwable error) {
            System.err.println("[mqtt] " + error);
        }
    }
}
