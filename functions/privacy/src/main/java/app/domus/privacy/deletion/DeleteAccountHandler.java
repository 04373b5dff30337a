package app.domus.privacy.deletion;

import app.domus.privacy.PrivacyComponent;
import app.domus.shared.guard.EndpointClass;
import app.domus.shared.guard.RateLimited;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code POST /me/deletion {password}} → 200 with the receipt: the caller's account is deleted, their personal data
 * erased or pseudonymised, what the law makes the community keep kept (see {@link AccountDeletion}). Sent again: the
 * same receipt. It checks a password, so it is limited as a sign-in is (per client address).
 */
@RateLimited(EndpointClass.AUTH)
public class DeleteAccountHandler extends HttpHandler {
    private final AccountDeletion deletion;

    public DeleteAccountHandler() {
        this(PrivacyComponent.create().deletion());
    }

    DeleteAccountHandler(AccountDeletion deletion) {
        this.deletion = deletion;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(deletion.delete(request.caller(), request.json(DeletionRequest.class)));
    }
}
