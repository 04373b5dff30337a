package app.domus.shared.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler of a creating {@code POST} that honours the {@code Idempotency-Key} header (see
 * {@link IdempotentRequests}); such a handler gives {@link HttpHandler#idempotency()} its component's store. The
 * contract tests check that the OpenAPI document declares the header on exactly these routes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AcceptsIdempotencyKey {}
