package app.domus.bench.warm;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds {@code GetBuildingHandler} on a DynamoDB client of our choosing, as its Dagger component would (access service
 * on the single-table persistence). Done by reflection, so that a change to the kernel's wiring makes figure 4 say
 * "n/a" rather than stop the bench from compiling.
 */
public final class Wiring {
    public static final String HANDLER = "app.domus.tenancy.buildings.GetBuildingHandler";

    private static volatile Method envWith;

    private Wiring() {}

    public static DynamoDbClient dynamoDb(SdkHttpClient http, String endpoint) {
        return DynamoDbClient.builder().httpClient(http).region(Region.US_EAST_1).endpointOverride(URI.create(endpoint))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local-secret"))).build();
    }

    /** The handler, constructed with the function's environment bound. */
    public static Object getBuildingHandler(DynamoDbClient dynamoDb, Map<String, String> environment) throws Exception {
        return withEnvironment(environment, () -> {
            try {
                DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
                Object config = construct("app.domus.shared.aws.PlatformConfig");
                Object table = construct("app.domus.shared.persistence.DomusTable", enhanced, config);
                Object access = construct("app.domus.shared.access.AccessService", table, Clock.systemUTC());
                return construct(HANDLER, access);
            } catch (Exception e) {
                throw new IllegalStateException("cannot wire " + HANDLER + ": " + e, e);
            }
        });
    }

    /**
     * One invocation as Lambda's runtime makes it: the handler is a {@code RequestStreamHandler} (the kernel's HTTP base
     * reads the event and writes the response itself), so the event's bytes go in and the response's bytes come out.
     */
    public static byte[] invoke(Object handler, byte[] event, java.io.ByteArrayOutputStream output, com.amazonaws.services.lambda.runtime.Context context) {
        if (!(handler instanceof com.amazonaws.services.lambda.runtime.RequestStreamHandler stream)) {
            throw new IllegalStateException(handler.getClass().getName() + " is not a RequestStreamHandler");
        }
        output.reset();
        try {
            stream.handleRequest(new java.io.ByteArrayInputStream(event), output, context);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return output.toByteArray();
    }

    /** The status code of a response {@link #invoke} returned. */
    public static int statusCode(byte[] response) {
        try {
            return Exchanges.JSON.readTree(response).path("statusCode").asInt(-1);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** Runs {@code work} with the kernel's {@code Env} bound to the function's variables, as the local cloud does. */
    @SuppressWarnings("unchecked")
    public static <T> T withEnvironment(Map<String, String> environment, Supplier<T> work) {
        try {
            if (envWith == null) envWith = Class.forName("app.domus.shared.config.Env").getMethod("with", Map.class, Supplier.class);
            return (T) envWith.invoke(null, environment, work);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no app.domus.shared.config.Env.with(Map, Supplier): " + e, e);
        }
    }

    private static Object construct(String className, Object... arguments) throws Exception {
        Class<?> type = Class.forName(className);
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length != arguments.length) continue;
            boolean fits = true;
            for (int i = 0; i < parameters.length; i++) fits &= parameters[i].isInstance(arguments[i]);
            if (!fits) continue;
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        }
        throw new NoSuchMethodException(className + " has no constructor for " + java.util.Arrays.toString(arguments));
    }
}
