package app.domus.calendar.connect;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.util.List;

/** {@code POST /calendar/connect {provider}}: {@code google} or {@code outlook}. */
public record ConnectRequests(String provider) implements Validated {
    public static final List<String> PROVIDERS = List.of("google", "outlook");

    @Override
    public void validate(Validator v) {
        if (!v.required("provider", provider)) return;
        v.check(PROVIDERS.contains(provider), "provider", "must be google or outlook");
    }
}
