package app.domus.local.testing;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs test classes grouped by the local cloud they need, so that the single local cloud of the test JVM is
 * switched once per template (configured in {@code junit-platform.properties}).
 */
public final class ByLocalCloudTemplate implements ClassOrderer {
    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(ByLocalCloudTemplate::templateKey).thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }

    private static String templateKey(ClassDescriptor descriptor) {
        return descriptor.findAnnotation(LocalCloudTemplate.class).map(LocalCloudTemplate::value).orElse("");
    }
}
