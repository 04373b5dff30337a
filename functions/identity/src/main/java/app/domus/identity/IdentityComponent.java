package app.domus.identity;

import app.domus.identity.account.AccountService;
import app.domus.identity.identities.ProviderIdentities;
import app.domus.shared.persistence.DomusTable;
import java.time.Clock;
import app.domus.identity.keys.KeysModule;
import app.domus.identity.keys.SigningKeys;
import app.domus.identity.login.LoginService;
import app.domus.identity.mfa.MfaService;
import app.domus.identity.portal.PortalSignUp;
import app.domus.identity.verification.EmailVerification;
import app.domus.identity.registration.RegistrationService;
import app.domus.identity.sessions.SessionService;
import app.domus.identity.tokens.TokenIssuer;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.notify.NotificationSender;
import dagger.Component;
import jakarta.inject.Singleton;

/** Wiring of the identity functions, built once per cold start by each handler. */
@Singleton
@Component(modules = {AwsModule.class, KeysModule.class})
public interface IdentityComponent {
    RegistrationService registration();
    LoginService login();
    MfaService mfa();
    SessionService sessions();
    AccountService account();
    TokenIssuer tokens();
    SigningKeys signingKeys();
    IdempotencyStore idempotency();
    NotificationSender notifications();
    EmailVerification verification();
    PortalSignUp portalSignUp();
    ProviderIdentities identities();
    DomusTable table();
    Clock clock();

    static IdentityComponent create() {
        return DaggerIdentityComponent.create();
    }
}
