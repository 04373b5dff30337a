package app.domus.local.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which template a test class's local cloud runs: {@code classpath:name.yaml} or a path. Without it the extension
 * runs the repository's {@code template.yaml}, i.e. the whole platform.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LocalCloudTemplate {
    String value();
}
