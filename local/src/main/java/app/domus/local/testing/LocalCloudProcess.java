package app.domus.local.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local cloud as its own process, started the way {@code java -jar domus-local.jar} starts it, so that a test can
 * stop it hard ({@link #kill()}, SIGKILL) or as Ctrl-C does ({@link #stop()}), and start it again on the same data.
 */
public final class LocalCloudProcess implements AutoCloseable {
    private static final String READY_BANNER = "Domus local cloud ready in";
    /**
     * Generous: a second local cloud starting beside the test JVM's own on a loaded 2-core CI machine took over a minute
     * once the platform had some 290 functions; the tests that use it check durability, not start-up time (the bench does).
     */
    private static final Duration READY_WITHIN = Duration.ofSeconds(180);

    private final Process process;
    private final Ports ports;

    /** The ports a process listens on; keep them to start the same local cloud again. */
    public record Ports(int http, int webSocket, int mqtt, int aws, int dynamoDb, int sqs, int s3) {
        public static Ports free() {
            return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
        }

        public String httpUrl() {
            return "http://127.0.0.1:" + http;
        }

        public String awsUrl() {
            return "http://127.0.0.1:" + aws;
        }

        public String dynamoDbUrl() {
            return "http://127.0.0.1:" + dynamoDb;
        }

        public String sqsUrl() {
            return "http://127.0.0.1:" + sqs;
        }

        public String s3Url() {
            return "http://127.0.0.1:" + s3;
        }
    }

    private LocalCloudProcess(Process process, Ports ports) {
        this.process = process;
        this.ports = ports;
    }

    /** Starts the local cloud on {@code template} and {@code dataDirectory} and waits until its console answers. */
    public static LocalCloudProcess start(Path template, Path dataDirectory, Ports ports, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dsqlite4java.library.path=" + System.getProperty("sqlite4java.library.path"),
                "app.domus.local.LocalCloud",
                "--template", template.toString(), "--data-dir", dataDirectory.toString(), "--no-schedules",
                "--http-port", String.valueOf(ports.http()), "--ws-port", String.valueOf(ports.webSocket()),
                "--mqtt-port", String.valueOf(ports.mqtt()), "--aws-port", String.valueOf(ports.aws()),
                "--dynamodb-port", String.valueOf(ports.dynamoDb()), "--sqs-port", String.valueOf(ports.sqs()),
                "--s3-port", String.valueOf(ports.s3())));
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        LocalCloudProcess started = new LocalCloudProcess(process, ports);
        started.awaitReady(log, logStart);
        return started;
    }

    public Ports ports() {
        return ports;
    }

    /** Stops it as a crash or {@code kill -9} would: no shutdown of any kind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Stops it as Ctrl-C does (SIGTERM runs the shutdown hook).
     *
     * @return whether it was gone within the grace period
     */
    public boolean stop(Duration grace) throws InterruptedException {
        process.destroy();
        return process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void awaitReady(Path log, long logStart) throws InterruptedException {
        // The console answers before demo seeding has finished; the banner comes after it, as for a person at the terminal.
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) throw new IllegalStateException("The local cloud process exited with " + process.exitValue() + "; see " + log);
            try {
                if (Files.exists(log) && Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1).substring((int) logStart).contains(READY_BANNER)) return;
            } catch (IOException notYet) {
                // the log is being written; look again
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The local cloud process was not ready within " + READY_WITHIN + "; its log ends:\n" + tail(log));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The last lines of a log, for a failure's message (the test's temporary directory is gone once it has failed). */
    private static String tail(Path log) {
        try {
            java.util.List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(" + log + " unreadable: " + e.getMessage() + ")";
        }
    }
}
