package app.domus.bench.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The main of one cold start: a fresh JVM that does what Lambda's Java runtime does in its init and first invoke, and
 * writes when each step ended. Runs on the function's own classpath (its unzipped package) with only this class, the
 * Lambda core API and {@code aws-lambda-java-serialization} added, as the runtime adds its own.
 *
 * <p>Arguments: handler class, event file, result file. The result file gets {@code key=value} lines: {@code mainAtMs}
 * (epoch ms when main began), {@code constructNs} (load and construct the handler: its static state, Dagger graph,
 * clients, schemas), {@code invokeNs} (choose the serializer, deserialise the event, handle it, serialise the
 * response), {@code status} (the response's statusCode, or "ok"/"error"), {@code peakRssKb} (the JVM's peak resident
 * memory after the first response).
 */
public final class Probe {
    private Probe() {}

    public static void main(String[] args) throws Exception {
        long mainAtMs = System.currentTimeMillis();
        long t0 = System.nanoTime();
        String handlerClass = args[0];
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        Path result = Path.of(args[2]);
        StringBuilder out = new StringBuilder();
        out.append("mainAtMs=").append(mainAtMs).append('\n');
        String status;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(handlerClass, true, loader);
            Object handler = type.getConstructor().newInstance();
            long t1 = System.nanoTime();
            out.append("constructNs=").append(t1 - t0).append('\n');

            String response;
            if (handler instanceof RequestStreamHandler stream) {
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                stream.handleRequest(new ByteArrayInputStream(event), output, new ProbeContext(handlerClass));
                response = output.toString(StandardCharsets.UTF_8);
            } else if (handler instanceof RequestHandler<?, ?>) {
                Method method = type.getMethod("handleRequest", Object.class, Context.class);
                Object input = serializerFor(inputType(type), loader).fromJson(new ByteArrayInputStream(event));
                Object value = method.invoke(handler, input, new ProbeContext(handlerClass));
                if (value == null) {
                    response = "";
                } else {
                    ByteArrayOutputStream output = new ByteArrayOutputStream();
                    serializerFor(value.getClass(), loader).toJson(value, output);
                    response = output.toString(StandardCharsets.UTF_8);
                }
            } else {
                throw new IllegalArgumentException(handlerClass + " is neither a RequestHandler nor a RequestStreamHandler");
            }
            long t2 = System.nanoTime();
            out.append("invokeNs=").append(t2 - t1).append('\n');
            status = statusOf(response);
        } catch (Throwable e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            status = "error " + cause.getClass().getName() + ": " + String.valueOf(cause.getMessage()).replace('\n', ' ');
            cause.printStackTrace();
        }
        out.append("status=").append(status).append('\n');
        out.append("peakRssKb=").append(peakRssKb()).append('\n');
        Files.writeString(result, out.toString());
    }

    /** The JVM's peak resident memory so far (VmHWM), what a function's MemorySize must hold; -1 off Linux. */
    private static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** {@code "statusCode":NNN} of an HTTP API response, or "ok" for anything else that came back. */
    private static String statusOf(String response) {
        int at = response.indexOf("\"statusCode\"");
        if (at < 0) return "ok";
        int colon = response.indexOf(':', at);
        int end = colon + 1;
        while (end < response.length() && (Character.isWhitespace(response.charAt(end)) || Character.isDigit(response.charAt(end)))) end++;
        return response.substring(colon + 1, end).trim();
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializerFor(Type type, ClassLoader loader) {
        if (type instanceof Class<?> eventClass && LambdaEventSerializers.isLambdaSupportedEvent(eventClass.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(eventClass, loader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    /**
     * The {@code I} of {@code RequestHandler<I, O>}, through generic superclasses (as the runtime finds it). The same as
     * the local cloud's {@code HandlerInvoker}, on purpose a copy: the probe runs on the function's own classpath, where
     * neither the local cloud nor anything of the bench but this package is.
     */
    private static Type inputType(Class<?> handlerClass) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        for (Class<?> current = handlerClass; current != null; current = current.getSuperclass()) {
            for (Type implemented : current.getGenericInterfaces()) {
                Type input = inputTypeIn(implemented, bindings);
                if (input != null) return input;
            }
            if (current.getGenericSuperclass() instanceof ParameterizedType superclass) bind(superclass, bindings);
        }
        return Object.class;
    }

    private static Type inputTypeIn(Type implemented, Map<TypeVariable<?>, Type> bindings) {
        if (implemented instanceof ParameterizedType parameterized) {
            if (parameterized.getRawType() == RequestHandler.class) {
                Type argument = parameterized.getActualTypeArguments()[0];
                return argument instanceof TypeVariable<?> variable ? bindings.getOrDefault(variable, Object.class) : argument;
            }
            bind(parameterized, bindings);
            implemented = parameterized.getRawType();
        }
        if (implemented instanceof Class<?> anInterface) {
            for (Type parent : anInterface.getGenericInterfaces()) {
                Type input = inputTypeIn(parent, bindings);
                if (input != null) return input;
            }
        }
        return null;
    }

    private static void bind(ParameterizedType type, Map<TypeVariable<?>, Type> bindings) {
        TypeVariable<?>[] variables = ((Class<?>) type.getRawType()).getTypeParameters();
        Type[] arguments = type.getActualTypeArguments();
        for (int i = 0; i < variables.length; i++) {
            Type argument = arguments[i];
            bindings.put(variables[i], argument instanceof TypeVariable<?> variable ? bindings.getOrDefault(variable, Object.class) : argument);
        }
    }
}
