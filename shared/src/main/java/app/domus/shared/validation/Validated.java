package app.domus.shared.validation;

/** A request body that checks its own fields; {@link app.domus.shared.http.HttpRequest#json} calls it. */
public interface Validated {
    void validate(Validator v);
}
