package app.domus.local.sqs;

import app.domus.local.LocalResourceNames;
import app.domus.local.faults.FaultInjector;
import com.typesafe.config.Config;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.collection.immutable.List$;

/**
 * ElasticMQ in this JVM, wired the way ElasticMQ's own server wires message persistence: queues and messages (with
 * their receive counts) are written to an H2 database under the data directory and restored on the next start.
 *
 * <p>ElasticMQ answers a send, receive or delete only once its persistence actor has run the statement, but H2 keeps a
 * committed change in memory until its background writer stores it, up to {@code WRITE_DELAY} (500 ms) later: a
 * {@code kill -9} in that window loses messages that SQS had acknowledged (a process inserting rows in a loop with
 * these settings, killed after 3 s, had lost the last 16,258 of 56,141 acknowledged ones). {@code WRITE_DELAY=0}
 * stores every commit before it returns (the same drill: 3,469 acknowledged, 3,470 in the file), so what ElasticMQ
 * acknowledged is in the file when the process dies ({@code KillNineUnderLoadTest}; an operating-system crash is
 * another matter: H2 does not fsync each commit).
 */
public final class SqsEmulator implements AutoCloseable {
    private static final Config QUIET_PEKKO = ConfigFactory.parseString("""
            pekko.loglevel = WARNING
            pekko.stdout-loglevel = WARNING
            pekko.log-dead-letters = off
            pekko.loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
            pekko.logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
            pekko.jvm-shutdown-hooks = off
            pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off
            """);

    private final ActorSystem actorSystem;
    private final SQSRestServer server;
    private final FaultInjectingSqsFrontDoor frontDoor;

    private SqsEmulator(ActorSystem actorSystem, SQSRestServer server, FaultInjectingSqsFrontDoor frontDoor) {
        this.actorSystem = actorSystem;
        this.server = server;
        this.frontDoor = frontDoor;
    }

    public static SqsEmulator start(int port, String region, Path dataDirectory) throws Exception {
        return start(port, region, dataDirectory, new FaultInjector());
    }

    /**
     * ElasticMQ on a loopback port of its own, behind {@link FaultInjectingSqsFrontDoor} on {@code port}, the SQS endpoint
     * everyone calls (the queue URLs ElasticMQ hands out name {@code port} too).
     */
    public static SqsEmulator start(int port, String region, Path dataDirectory, FaultInjector faults) throws Exception {
        Files.createDirectories(dataDirectory);
        int backendPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            backendPort = socket.getLocalPort();
        }
        ClassLoader classLoader = SqsEmulator.class.getClassLoader();
        ActorSystem actorSystem = ActorSystem.create("elasticmq", QUIET_PEKKO.withFallback(ConfigFactory.load(classLoader)), classLoader);

        SqlQueuePersistenceConfig storage = new SqlQueuePersistenceConfig(true, "org.h2.Driver",
                "jdbc:h2:file:" + dataDirectory.toAbsolutePath().resolve("queues") + ";WRITE_DELAY=0", "sa", "", false);
        ActorRef persistence = actorSystem.actorOf(Props.create(SqlQueuePersistenceActor.class, storage, List$.MODULE$.empty()));
        ActorRef queueManager = actorSystem.actorOf(Props.create(QueueManagerActor.class,
                new NowProvider(), StrictSQSLimits$.MODULE$, Option.apply(persistence)));

        SQSRestServer server = SQSRestServerBuilder
                .withActorSystem(actorSystem)
                .withQueueManagerActor(queueManager)
                .withQueueEventListener(persistence)
                .withInterface("127.0.0.1")
                .withPort(backendPort)
                .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
                .withAWSRegion(region)
                .withAWSAccountId(LocalResourceNames.ACCOUNT)
                .withSQSLimits(StrictSQSLimits$.MODULE$)
                .start();
        server.waitUntilStarted();
        Patterns.ask(persistence, new QueueEvent.Restore(queueManager), Duration.ofSeconds(30))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        FaultInjectingSqsFrontDoor frontDoor;
        try {
            frontDoor = FaultInjectingSqsFrontDoor.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    URI.create("http://127.0.0.1:" + backendPort), faults);
        } catch (Exception e) {
            server.stopAndWait();
            actorSystem.terminate();
            throw e;
        }
        return new SqsEmulator(actorSystem, server, frontDoor);
    }

    @Override
    public void close() throws Exception {
        frontDoor.close();
        server.stopAndWait();
        actorSystem.terminate();
        scala.concurrent.Await.result(actorSystem.whenTerminated(), scala.concurrent.duration.Duration.create(10, TimeUnit.SECONDS));
    }
}
