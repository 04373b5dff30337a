package app.domus.shared.http;

/** One field-level problem in a request: {@code field} is a JSON pointer-like path such as {@code address.city}. */
public record FieldError(String field, String message) {}
