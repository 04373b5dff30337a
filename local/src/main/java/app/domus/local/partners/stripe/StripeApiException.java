package app.domus.local.partners.stripe;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An answer in Stripe's error shape, {@code {"error": {"type", "code", "message", "param", ...}}}, with the HTTP status
 * Stripe gives it. {@code validation} marks a request refused before it ran: Stripe keeps no idempotent result for those.
 */
final class StripeApiException extends RuntimeException {
    private final int status;
    private final ObjectNode error;
    private final boolean validation;

    private StripeApiException(int status, ObjectNode error, boolean validation) {
        super(error.path("message").asText());
        this.status = status;
        this.error = error;
        this.validation = validation;
    }

    static StripeApiException of(int status, String type, String code, String message, boolean validation) {
        ObjectNode error = Json.object();
        if (code != null) error.put("code", code);
        error.put("message", message);
        error.put("type", type);
        return new StripeApiException(status, error, validation);
    }

    static StripeApiException missingParameter(String param) {
        return invalidParameter("parameter_missing", "Missing required param: " + param + ".", param);
    }

    static StripeApiException invalidParameter(String code, String message, String param) {
        StripeApiException exception = of(400, "invalid_request_error", code, message, true);
        exception.error.put("param", param);
        return exception;
    }

    static StripeApiException noSuch(String what, String id, String param) {
        StripeApiException exception = of(404, "invalid_request_error", "resource_missing", "No such " + what + ": '" + id + "'", false);
        if (param != null) exception.error.put("param", param);
        return exception;
    }

    /** Adds a field to the error object, e.g. the declined {@code payment_intent}. */
    StripeApiException with(String field, JsonNode value) {
        error.set(field, value);
        return this;
    }

    StripeApiException with(String field, String value) {
        error.put(field, value);
        return this;
    }

    int status() {
        return status;
    }

    boolean validation() {
        return validation;
    }

    String body() {
        ObjectNode body = Json.object();
        body.set("error", error);
        return Json.write(body);
    }
}
