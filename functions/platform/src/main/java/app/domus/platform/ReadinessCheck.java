package app.domus.platform;

import app.domus.shared.aws.PlatformConfig;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Readiness: can this function reach what every flow needs? Each dependency is probed in parallel with a
 * short deadline, so a hung dependency makes the check fail fast instead of hanging it.
 */
public class ReadinessCheck {
    static final Duration PROBE_TIMEOUT = Duration.ofMillis(1500);
    private static final AwsRequestOverrideConfiguration SHORT = AwsRequestOverrideConfiguration.builder()
            .apiCallTimeout(PROBE_TIMEOUT).apiCallAttemptTimeout(PROBE_TIMEOUT).build();

    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final SnsClient sns;
    private final PlatformConfig config;
    private final ExecutorService probes = Executors.newFixedThreadPool(3, r -> {
        Thread t = new Thread(r, "readiness-probe");
        t.setDaemon(true);
        return t;
    });

    @Inject
    public ReadinessCheck(DynamoDbClient dynamoDb, S3Client s3, SnsClient sns, PlatformConfig config) {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.sns = sns;
        this.config = config;
    }

    public record Component(String name, boolean up, long latencyMs, String detail) {}

    public record Report(boolean ready, List<Component> components) {}

    public Report check() {
        Map<String, Runnable> checks = new LinkedHashMap<>();
        checks.put("dynamodb", () -> dynamoDb.describeTable(b -> b.tableName(config.tableName()).overrideConfiguration(SHORT)));
        checks.put("s3", () -> s3.headBucket(b -> b.bucket(config.photosBucket()).overrideConfiguration(SHORT)));
        checks.put("events-topic", () -> sns.getTopicAttributes(b -> b.topicArn(config.eventsTopicArn()).overrideConfiguration(SHORT)));
        List<CompletableFuture<Component>> running = checks.entrySet().stream()
                .map(e -> CompletableFuture.supplyAsync(() -> probe(e.getKey(), e.getValue()), probes)
                        .completeOnTimeout(new Component(e.getKey(), false, PROBE_TIMEOUT.toMillis(), "timed out"),
                                PROBE_TIMEOUT.toMillis() + 250, TimeUnit.MILLISECONDS))
                .toList();
        List<Component> components = running.stream().map(CompletableFuture::join).toList();
        return new Report(components.stream().allMatch(Component::up), components);
    }

    private static Component probe(String name, Runnable call) {
        long start = System.nanoTime();
        try {
            call.run();
            return new Component(name, true, elapsedMs(start), null);
        } catch (RuntimeException e) {
            // The exception's message may name internal resources: report only its kind.
            return new Component(name, false, elapsedMs(start), e.getClass().getSimpleName());
        }
    }

    private static long elapsedMs(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
