package app.domus.bench.warm;

import app.domus.bench.probe.ProbeContext;
import com.amazonaws.services.lambda.runtime.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Figure 4: one warm invocation of GetBuildingHandler (the event's bytes in, the response's bytes out: validation, authorisation, mapping,
 * logging, the SDK's marshalling) on a stub HTTP client that answers with recorded DynamoDB responses, against the
 * same DynamoDB requests issued directly on the same stub. Reads what {@code WarmCost} recorded from
 * {@code -Dbench.warm.dir}.
 */
@State(Scope.Thread)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WarmBenchmark {
    private Object handler;
    private byte[] event;
    private final java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream(4096);
    private Map<String, String> environment;
    private DynamoDbClient raw;
    private final List<Object> rawRequests = new ArrayList<>();
    private final Context context = new ProbeContext("GetBuildingFunction");

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() throws Exception {
        Path dir = Path.of(System.getProperty("bench.warm.dir"));
        List<Exchanges.Exchange> exchanges = Exchanges.load(dir.resolve("exchanges.json"));
        environment = new java.util.HashMap<>(Exchanges.JSON.readValue(dir.resolve("environment.json").toFile(), Map.class));
        // Figure 4 as before: without the kernel's request guard (issue 17), whose calls the recording does not hold.
        environment.remove("RATE_LIMITS");
        environment.remove("SESSION_CHECK_SECONDS");
        event = Files.readAllBytes(dir.resolve("event.json"));
        handler = Wiring.getBuildingHandler(Wiring.dynamoDb(new Exchanges.Stub(exchanges), "http://127.0.0.1:1"), environment);
        raw = Wiring.dynamoDb(new Exchanges.Stub(exchanges), "http://127.0.0.1:1");
        for (Exchanges.Exchange exchange : exchanges) rawRequests.add(Exchanges.sdkRequest(exchange));
        byte[] response = handler();
        if (Wiring.statusCode(response) != 200) {
            throw new IllegalStateException("the handler answered " + new String(response, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The event's bytes in, the response's bytes out, as Lambda's runtime calls the stream handler. */
    @Benchmark
    public byte[] handler() {
        return Wiring.withEnvironment(environment, () -> Wiring.invoke(handler, event, output, context));
    }

    @Benchmark
    public void rawSdk(Blackhole blackhole) {
        for (Object request : rawRequests) {
            if (request instanceof GetItemRequest get) blackhole.consume(raw.getItem(get));
            else if (request instanceof QueryRequest query) blackhole.consume(raw.query(query));
        }
    }
}
