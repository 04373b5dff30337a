package app.domus.local;

import app.domus.local.runtime.FunctionDefinition;
import app.domus.local.runtime.Functions;
import app.domus.local.runtime.LocalFunction;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Each component up or down: its port accepts connections; every handler class the template names can be loaded. */
final class Health {
    private static final int CONNECT_TIMEOUT_MILLIS = 500;

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<String> missingHandlers;

    /** @param webSocketApi whether the template has a WebSocket API (and so a gateway to check) */
    Health(LocalEndpoints endpoints, Functions functions, boolean webSocketApi) {
        ports.put("http-api", endpoints.httpPort());
        if (webSocketApi) ports.put("websocket-api", endpoints.webSocketPort());
        ports.put("mqtt", endpoints.mqttPort());
        ports.put("dynamodb", endpoints.dynamoDbPort());
        ports.put("sqs", endpoints.sqsPort());
        ports.put("s3", endpoints.s3Port());
        ports.put("sns-ses-ssm-iotdata", endpoints.awsPort());
        missingHandlers = functions.all().stream().map(LocalFunction::definition)
                .filter(definition -> !loadable(definition))
                .map(definition -> definition.logicalId() + " (" + definition.handlerClass() + ")")
                .toList();
    }

    Map<String, Object> report() {
        Map<String, Object> components = new LinkedHashMap<>();
        ports.forEach((name, port) -> components.put(name, listening(port) ? "UP" : "DOWN"));
        components.put("functions", missingHandlers.isEmpty() ? "UP" : "DOWN: handler classes not on the classpath: " + missingHandlers);
        boolean up = components.values().stream().allMatch("UP"::equals);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("status", up ? "UP" : "DOWN");
        report.put("components", components);
        return report;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LocalEndpoints.HOST, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean loadable(FunctionDefinition definition) {
        try {
            Class.forName(definition.handlerClass(), false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
