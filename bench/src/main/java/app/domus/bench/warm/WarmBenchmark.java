package app.domus.bench.warm;

import app.domus.bench.probe.ProbeContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
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
 * Figure 4: one warm invocation of GetBuildingHandler (event in, response out: validation, authorisation, mapping,
 * logging, the SDK's marshalling) on a stub HTTP client that answers with recorded DynamoDB responses, against the
 * same DynamoDB requests issued directly on the same stub. Reads what {@code WarmCost} recorded from
 * {@code -Dbench.warm.dir}.
 */
@State(Scope.Thread)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WarmBenchmark {
    private RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
    private APIGatewayV2HTTPEvent event;
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
        // The baseline runs without the kernel's request guard; the guarded benchmarks add one setting each.
        environment.remove("RATE_LIMITS");
        environment.remove("SESSION_CHECK_SECONDS");
        event = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, getClass().getClassLoader())
                .fromJson(Files.readString(dir.resolve("event.json")));
        // The token's session id, which the kernel's guard checks when the stage enables it (the demo token has none).
        var claims = new java.util.HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("sid", "bench-session");
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        sessionCached = with(environment, "SESSION_CHECK_SECONDS", "5");
        sessionUncached = with(environment, "SESSION_CHECK_SECONDS", "0");
        rateLimited = with(environment, "RATE_LIMITS", "reads=1000000000/60");
        List<Exchanges.Exchange> guardExchanges = new ArrayList<>(exchanges);
        Exchanges.Exchange aGet = exchanges.stream().filter(e -> e.target().endsWith("GetItem")).findFirst().orElseThrow();
        Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(aGet.headers());
        headers.remove("x-amz-crc32");
        headers.remove("content-length");
        guardExchanges.add(new Exchanges.Exchange("DynamoDB_20120810.UpdateItem", "", 200, headers, "{\"Attributes\":{\"hits\":{\"N\":\"1\"}}}"));
        DynamoDbClient guardClient = Wiring.dynamoDb(new Exchanges.Stub(guardExchanges), "http://127.0.0.1:1");
        Wiring.guardOn(guardClient);
        handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                Wiring.getBuildingHandler(Wiring.dynamoDb(new Exchanges.Stub(exchanges), "http://127.0.0.1:1"), environment);
        raw = Wiring.dynamoDb(new Exchanges.Stub(exchanges), "http://127.0.0.1:1");
        for (Exchanges.Exchange exchange : exchanges) rawRequests.add(Exchanges.sdkRequest(exchange));
        APIGatewayV2HTTPResponse response = handler();
        if (response.getStatusCode() != 200) throw new IllegalStateException("the handler answered " + response.getStatusCode() + ": " + response.getBody());
        for (Map<String, String> guardedEnvironment : List.of(sessionCached, sessionUncached, rateLimited)) {
            APIGatewayV2HTTPResponse guardedResponse = Wiring.withEnvironment(guardedEnvironment, () -> handler.handleRequest(event, context));
            if (guardedResponse.getStatusCode() != 200) throw new IllegalStateException("guarded, the handler answered " + guardedResponse.getStatusCode() + ": " + guardedResponse.getBody());
        }
        if (!Wiring.withEnvironment(rateLimited, () -> handler.handleRequest(event, context)).getHeaders().containsKey("RateLimit-Limit")) {
            throw new IllegalStateException("the rate limit did not apply");
        }
    }

    private static Map<String, String> with(Map<String, String> environment, String name, String value) {
        Map<String, String> copy = new java.util.HashMap<>(environment);
        copy.put(name, value);
        return Map.copyOf(copy);
    }

    private Map<String, String> sessionCached, sessionUncached, rateLimited;

    @Benchmark
    public APIGatewayV2HTTPResponse handlerSessionCached() {
        return Wiring.withEnvironment(sessionCached, () -> handler.handleRequest(event, context));
    }

    @Benchmark
    public APIGatewayV2HTTPResponse handlerSessionUncached() {
        return Wiring.withEnvironment(sessionUncached, () -> handler.handleRequest(event, context));
    }

    @Benchmark
    public APIGatewayV2HTTPResponse handlerRateLimited() {
        return Wiring.withEnvironment(rateLimited, () -> handler.handleRequest(event, context));
    }

    @Benchmark
    public APIGatewayV2HTTPResponse handler() {
        return Wiring.withEnvironment(environment, () -> handler.handleRequest(event, context));
    }

    @Benchmark
    public void rawSdk(Blackhole blackhole) {
        for (Object request : rawRequests) {
            if (request instanceof GetItemRequest get) blackhole.consume(raw.getItem(get));
            else if (request instanceof QueryRequest query) blackhole.consume(raw.query(query));
        }
    }
}
