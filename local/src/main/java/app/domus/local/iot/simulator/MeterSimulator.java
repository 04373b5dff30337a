package app.domus.local.iot.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Simulated smart meters on the local broker, started and stopped from the console
 * ({@code /_local/meters/simulator}): each a real MQTT client that authenticates as the device it is given, so the
 * template's device authorizer, the topic policy and the IoT rules see what they would see from a field of meters.
 * One simulation runs at a time; starting another stops the running one first.
 */
public final class MeterSimulator implements AutoCloseable {
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(10);

    private final String brokerUrl;
    private final Map<String, MeterRegister> registers = new ConcurrentHashMap<>();
    private Simulation current;
    private boolean running;

    private record Simulation(SimulationPlan plan, Instant startedAt, List<SimulatedMeter> meters) {}

    public MeterSimulator(String brokerUrl) {
        this.brokerUrl = brokerUrl;
    }

    /** Starts the plan's meters (after stopping a running simulation) and gives the status. */
    public synchronized Map<String, Object> start(SimulationPlan plan) throws InterruptedException {
        stopMeters();
        List<SimulatedMeter> meters = plan.devices().stream()
                .map(device -> new SimulatedMeter(device, plan.misbehaviour().get(device.deviceId()),
                        registers.computeIfAbsent(device.deviceId(), MeterRegister::new), plan.interval(), brokerUrl))
                .toList();
        current = new Simulation(plan, Instant.now(), meters);
        running = true;
        meters.forEach(SimulatedMeter::start);
        return status();
    }

    /** Whether a simulation runs, and each meter's state, messages sent and last reading or error. */
    public synchronized Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("running", running);
        if (current == null) {
            status.put("devices", List.of());
            return status;
        }
        List<SimulatedMeter> meters = current.meters();
        status.put("startedAt", current.startedAt().toString());
        status.put("intervalMillis", current.plan().interval().toMillis());
        status.put("devicesConnected", meters.stream().filter(meter -> meter.state() == SimulatedMeter.State.CONNECTED).count());
        status.put("refusedConnections", meters.stream().filter(meter -> meter.state() == SimulatedMeter.State.REFUSED).count());
        status.put("messagesSent", meters.stream().mapToLong(SimulatedMeter::messagesSent).sum());
        status.put("devices", meters.stream().map(SimulatedMeter::status).toList());
        return status;
    }

    /** Stops the running simulation, if any, and gives its final status. */
    public synchronized Map<String, Object> stop() throws InterruptedException {
        stopMeters();
        return status();
    }

    private void stopMeters() throws InterruptedException {
        if (current == null || !running) return;
        current.meters().forEach(SimulatedMeter::stop);
        for (SimulatedMeter meter : current.meters()) meter.awaitStopped(STOP_PATIENCE);
        running = false;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
