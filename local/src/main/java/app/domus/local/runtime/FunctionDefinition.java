package app.domus.local.runtime;

import java.time.Duration;
import java.util.Map;

/**
 * A function as the template declares it, with its environment already resolved to local values.
 *
 * @param handler {@code fully.qualified.Class::method}, as in the template's {@code Handler}
 */
public record FunctionDefinition(String logicalId, String handler, Duration timeout, int memoryMb,
                                 Map<String, String> environment, String arn) {

    public String handlerClass() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    public String handlerMethod() {
        int separator = handler.indexOf("::");
        return separator < 0 ? "handleRequest" : handler.substring(separator + 2);
    }
}
