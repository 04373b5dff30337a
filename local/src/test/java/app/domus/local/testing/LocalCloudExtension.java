package app.domus.local.testing;

import app.domus.local.LocalCloud;
import app.domus.local.LocalCloudOptions;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the local cloud once per test JVM, on free ports with a temporary data directory, and hands tests a
 * {@link LocalCloudClient} (as a parameter of a test, a constructor or a lifecycle method).
 *
 * <pre>{@code
 * @ExtendWith(LocalCloudExtension.class)
 * class RegistrationEndToEndTest {
 *     @Test
 *     void welcomesTheNewUser(LocalCloudClient cloud) { ... }
 * }
 * }</pre>
 *
 * <p>The AWS SDK's endpoint settings are JVM-wide, so one local cloud runs at a time: a test class that asks for
 * another template ({@link LocalCloudTemplate}) stops the running one and starts its own. {@link ByLocalCloudTemplate}
 * orders the test classes so that this happens once per template.
 */
public final class LocalCloudExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalCloudExtension.class);
    private static RunningCloud current;

    @Override
    public void beforeAll(ExtensionContext context) {
        client(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalCloudClient.class || type == LocalCloud.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalCloudClient client = client(context);
        return parameter.getParameter().getType() == LocalCloud.class ? client.cloud() : client;
    }

    private static synchronized LocalCloudClient client(ExtensionContext context) {
        Path template = template(context.getRequiredTestClass());
        if (current == null || !current.template().equals(template)) {
            if (current != null) current.close();
            current = start(template);
            context.getRoot().getStore(NAMESPACE).put(RunningCloud.class, new StopAtTheEnd());
        }
        return current.client();
    }

    private static RunningCloud start(Path template) {
        try {
            Path dataDirectory = Files.createTempDirectory("domus-local-test");
            LocalCloud cloud = LocalCloud.start(LocalCloudOptions.forTests(template, dataDirectory));
            System.out.printf("[local-cloud] %s started for tests in %d ms%n", template.getFileName(), cloud.startupTime().toMillis());
            return new RunningCloud(template, new LocalCloudClient(cloud));
        } catch (Exception e) {
            throw new IllegalStateException("The local cloud did not start for " + template, e);
        }
    }

    /** The template a test class runs against: its {@link LocalCloudTemplate}, else the repository's. */
    static Path template(Class<?> testClass) {
        Optional<LocalCloudTemplate> annotation = Optional.ofNullable(testClass.getAnnotation(LocalCloudTemplate.class));
        if (annotation.isEmpty()) return repositoryTemplate();
        String location = annotation.get().value();
        if (!location.startsWith("classpath:")) return Path.of(location).toAbsolutePath().normalize();
        URL resource = LocalCloudExtension.class.getClassLoader().getResource(location.substring("classpath:".length()));
        if (resource == null) throw new IllegalArgumentException("No " + location);
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code template.yaml} in the nearest directory at or above the working directory (the repository root). */
    public static Path repositoryTemplate() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path template = directory.resolve("template.yaml");
            if (Files.isRegularFile(template)) return template;
        }
        throw new IllegalStateException("No template.yaml at or above " + Path.of("").toAbsolutePath());
    }

    private record RunningCloud(Path template, LocalCloudClient client) {
        void close() {
            client.cloud().close();
        }
    }

    /** Put in the root store, which closes it when the test run ends. */
    private static final class StopAtTheEnd implements AutoCloseable {
        @Override
        public void close() {
            synchronized (LocalCloudExtension.class) {
                if (current != null) current.close();
                current = null;
            }
        }
    }
}
