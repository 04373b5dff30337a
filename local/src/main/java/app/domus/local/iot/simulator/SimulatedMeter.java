package app.domus.local.iot.simulator;

import app.domus.local.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One simulated smart meter: an MQTT client that connects as a device does (client id and user name its device id,
 * password its secret) and publishes {@code {"deviceId", "value", "timestamp"}} at QoS 1 to
 * {@code meters/<deviceId>/readings} once an interval, on its own virtual thread, until stopped. A refused connection
 * ends it; a lost one is tried again at the next interval.
 */
final class SimulatedMeter {
    /** How long a publish waits for the broker's PUBACK: a publish its policy disallows is dropped and never acknowledged. */
    private static final Duration ACKNOWLEDGEMENT_WAIT = Duration.ofSeconds(5);
    private static final Duration DISCONNECT_QUIESCE = Duration.ofSeconds(1);

    enum State { CONNECTING, CONNECTED, RECONNECTING, REFUSED, STOPPED }

    private final SimulationPlan.Device device;
    private final Misbehaviour misbehaviour;
    private final MeterRegister register;
    private final Duration interval;
    private final String brokerUrl;
    private final String topic;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicLong messagesSent = new AtomicLong();
    private final AtomicLong failedPublishes = new AtomicLong();
    private volatile State state = State.CONNECTING;
    private volatile String lastError;
    private volatile Map<String, Object> lastReading;
    private long readings;
    private Thread thread;

    /** @param misbehaviour null for a meter that behaves */
    SimulatedMeter(SimulationPlan.Device device, Misbehaviour misbehaviour, MeterRegister register, Duration interval, String brokerUrl) {
        this.device = device;
        this.misbehaviour = misbehaviour;
        this.register = register;
        this.interval = interval;
        this.brokerUrl = brokerUrl;
        this.topic = "meters/" + device.deviceId() + "/readings";
    }

    void start() {
        thread = Thread.ofVirtual().name("meter-" + device.deviceId()).start(this::run);
    }

    /** Asks the meter to disconnect; {@link #awaitStopped} waits for it. */
    void stop() {
        stopping.countDown();
    }

    void awaitStopped(Duration patience) throws InterruptedException {
        if (thread != null && !thread.join(patience)) System.err.println("[meter-simulator] " + device.deviceId() + " did not stop within " + patience);
    }

    State state() {
        return state;
    }

    long messagesSent() {
        return messagesSent.get();
    }

    Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("deviceId", device.deviceId());
        status.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        status.put("misbehaviour", misbehaviour == null ? null : misbehaviour.wire());
        status.put("messagesSent", messagesSent.get());
        status.put("failedPublishes", failedPublishes.get());
        status.put("lastReading", lastReading);
        status.put("lastError", lastError);
        return status;
    }

    private void run() {
        MqttClient client;
        try {
            client = new MqttClient(brokerUrl, device.deviceId(), new MemoryPersistence());
            client.setTimeToWait(ACKNOWLEDGEMENT_WAIT.toMillis());
        } catch (MqttException e) {
            lastError = "cannot create the MQTT client: " + e;
            state = State.STOPPED;
            return;
        }
        try {
            long nextTick = System.nanoTime();
            while (stopping.getCount() > 0) {
                if (client.isConnected() || connect(client)) publishNextReading(client);
                if (state == State.REFUSED) return;
                nextTick = Math.max(nextTick + interval.toNanos(), System.nanoTime());
                if (stopping.await(nextTick - System.nanoTime(), TimeUnit.NANOSECONDS)) break;
            }
            state = State.STOPPED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = State.STOPPED;
        } finally {
            close(client);
        }
    }

    private boolean connect(MqttClient client) {
        MqttConnectOptions options = new MqttConnectOptions();
        // IoT Core speaks 3.1.1 (or 5); left to choose, Paho retries a refused 3.1.1 CONNECT as 3.1, whose 23-character
        // limit on client ids the broker enforces by closing the connection, and the refusal would read as a lost one.
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName(device.deviceId());
        options.setPassword(device.secret().toCharArray());
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        try {
            client.connect(options);
            state = State.CONNECTED;
            return true;
        } catch (MqttSecurityException e) {
            state = State.REFUSED;
            lastError = "connection refused: " + e.getMessage();
            return false;
        } catch (MqttException e) {
            state = State.RECONNECTING;
            lastError = "cannot connect: " + e.getMessage();
            return false;
        }
    }

    private void publishNextReading(MqttClient client) {
        readings++;
        boolean misbehaving = misbehaviour != null && readings > 1;
        BigDecimal value = register.advance(interval, misbehaving && misbehaviour == Misbehaviour.SPIKE);
        if (misbehaving && misbehaviour == Misbehaviour.SILENT) return;
        byte[] payload;
        if (misbehaving && misbehaviour == Misbehaviour.GARBAGE) {
            payload = garbage();
        } else {
            Map<String, Object> reading = new LinkedHashMap<>();
            reading.put("deviceId", device.deviceId());
            reading.put("value", value);
            reading.put("timestamp", Instant.now().toString());
            payload = Json.write(reading).getBytes(StandardCharsets.UTF_8);
            lastReading = reading;
        }
        publish(client, payload);
        if (misbehaving && misbehaviour == Misbehaviour.DUPLICATE) publish(client, payload);
    }

    /** Bytes no JSON parser takes: a few binary ones, as a broken meter's firmware might send, then some text. */
    private byte[] garbage() {
        byte[] text = (" reading #" + readings + " from " + device.deviceId()).getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[4 + text.length];
        payload[0] = (byte) 0xDE;
        payload[1] = (byte) 0xAD;
        payload[2] = (byte) 0xBE;
        payload[3] = (byte) 0xEF;
        System.arraycopy(text, 0, payload, 4, text.length);
        return payload;
    }

    private void publish(MqttClient client, byte[] payload) {
        try {
            client.publish(topic, payload, 1, false);
            messagesSent.incrementAndGet();
        } catch (MqttException e) {
            failedPublishes.incrementAndGet();
            lastError = "publish to " + topic + " failed: " + e.getMessage();
            if (!client.isConnected()) state = State.RECONNECTING;
        }
    }

    private void close(MqttClient client) {
        try {
            if (client.isConnected()) client.disconnect(DISCONNECT_QUIESCE.toMillis());
        } catch (MqttException e) {
            lastError = "disconnect failed: " + e.getMessage();
        }
        try {
            client.close();
        } catch (MqttException e) {
            lastError = "closing the MQTT client failed: " + e.getMessage();
        }
    }
}
