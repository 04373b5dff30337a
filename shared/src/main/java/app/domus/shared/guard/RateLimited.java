package app.domus.shared.guard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rate-limit class of the routes a handler serves, where the rule of {@link EndpointClass#of} (GET reads, anything
 * else writes) does not fit: sign-in, the public search, webhooks, health checks.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RateLimited {
    EndpointClass value();
}
