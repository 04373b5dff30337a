package app.domus.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One instantiated handler and the way to call it, chosen as the Lambda Java runtime chooses: a
 * {@link RequestStreamHandler} gets the raw bytes; anything else gets its input type deserialised from the event
 * JSON with the runtime's own serializers ({@code aws-lambda-java-serialization}).
 */
final class HandlerInvoker {
    private final Object handler;
    private final Method method;
    private final Type inputType;

    /** The handler instance itself. */
    Object handler() {
        return handler;
    }

    private HandlerInvoker(Object handler, Method method, Type inputType) {
        this.handler = handler;
        this.method = method;
        this.inputType = inputType;
    }

    /** Loads and constructs the handler: the function's cold start. */
    static HandlerInvoker coldStart(FunctionDefinition function) throws ReflectiveOperationException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> handlerClass = Class.forName(function.handlerClass(), true, loader);
        Object handler = handlerClass.getConstructor().newInstance();
        if (handler instanceof RequestStreamHandler) {
            Method method = handlerClass.getMethod("handleRequest", java.io.InputStream.class, java.io.OutputStream.class, Context.class);
            return new HandlerInvoker(handler, method, null);
        }
        if (handler instanceof RequestHandler<?, ?> && function.handlerMethod().equals("handleRequest")) {
            Method method = handlerClass.getMethod("handleRequest", Object.class, Context.class);
            return new HandlerInvoker(handler, method, requestHandlerInputType(handlerClass));
        }
        Method method = Arrays.stream(handlerClass.getMethods())
                .filter(candidate -> candidate.getName().equals(function.handlerMethod()) && !candidate.isBridge())
                .filter(candidate -> !Modifier.isStatic(candidate.getModifiers()) && candidate.getParameterCount() <= 2)
                .findFirst()
                .orElseThrow(() -> new NoSuchMethodException(function.handler()));
        Type input = method.getParameterCount() == 0 ? null : method.getGenericParameterTypes()[0];
        return new HandlerInvoker(handler, method, input);
    }

    /** Runs the handler on {@code eventJson}; gives the response as JSON ({@code null} for none). */
    String invoke(String eventJson, Context context) throws Throwable {
        try {
            if (handler instanceof RequestStreamHandler streamHandler) {
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                streamHandler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), output, context);
                return output.size() == 0 ? null : output.toString(StandardCharsets.UTF_8);
            }
            Object[] arguments = arguments(eventJson, context);
            Object result = method.invoke(handler, arguments);
            return result == null ? null : toJson(result);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Object[] arguments(String eventJson, Context context) {
        int count = method.getParameterCount();
        if (count == 0) return new Object[0];
        Object input = serializerFor(inputType).fromJson(eventJson);
        if (count == 1) return new Object[] {input};
        return method.getParameterTypes()[1] == Context.class ? new Object[] {input, context} : new Object[] {input, null};
    }

    private static String toJson(Object result) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        serializerFor(result.getClass()).toJson(result, output);
        return output.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static PojoSerializer<Object> serializerFor(Type type) {
        if (type instanceof Class<?> eventClass && LambdaEventSerializers.isLambdaSupportedEvent(eventClass.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(eventClass, Thread.currentThread().getContextClassLoader());
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    /** The {@code I} of {@code RequestHandler<I, O>}, followed through generic superclasses. */
    private static Type requestHandlerInputType(Class<?> handlerClass) {
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        for (Class<?> current = handlerClass; current != null; current = current.getSuperclass()) {
            for (Type implemented : current.getGenericInterfaces()) {
                Type input = inputTypeIn(implemented, bindings);
                if (input != null) return input;
            }
            if (current.getGenericSuperclass() instanceof ParameterizedType superclass) {
                bind(superclass, bindings);
            }
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
