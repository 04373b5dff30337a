package app.domus.identity.oauth;

import app.domus.identity.identities.Provider;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ProviderClient} on the Nimbus OAuth 2.0 / OpenID Connect SDK. Google and Apple: the endpoints from the issuer's
 * discovery document (read once per container), the code flow with {@code nonce} and PKCE S256, the code exchanged with
 * the client secret (HTTP basic), and the ID token checked by the SDK's {@link IDTokenValidator} against the issuer's
 * JWKS (RS256 signature, {@code iss}, {@code aud} = our client id, {@code exp} and {@code iat} with a minute's skew, and
 * {@code nonce}); Apple answers with a form posted to the callback ({@code response_mode=form_post}), as it requires when
 * the name and e-mail are asked for. Facebook: its dialog with PKCE, the code exchanged at its token endpoint (secret in the form), and the
 * person read from the Graph API's {@code /me?fields=id,name,email} with {@code appsecret_proof}; Facebook returns only a
 * confirmed address, so an address it returns counts as verified. Every call has a 2 s connect and 4 s read timeout.
 */
public class NimbusProviderClient implements ProviderClient {
    static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    static final int READ_TIMEOUT_MILLIS = 4_000;
    private static final Logger LOG = LoggerFactory.getLogger(NimbusProviderClient.class);

    private final OAuthSettings settings;
    private final ClientSecrets secrets;
    private final Map<Provider, OIDCProviderMetadata> metadata = new EnumMap<>(Provider.class);
    private final Map<Provider, IDTokenValidator> validators = new EnumMap<>(Provider.class);

    public NimbusProviderClient(OAuthSettings settings, ClientSecrets secrets) {
        this.settings = settings;
        this.secrets = secrets;
    }

    @Override
    public boolean offers(Provider provider) {
        return OAuthSettings.clientId(provider).isPresent()
                && (provider.openIdConnect() ? OAuthSettings.env(provider, "ISSUER").isPresent() : OAuthSettings.env(provider, "AUTHORIZE_URL").isPresent());
    }

    @Override
    public URI authorizationUrl(Provider provider, String state, String nonce, String codeVerifier) {
        ClientID client = clientId(provider);
        URI callback = URI.create(settings.callbackUrl());
        CodeVerifier verifier = new CodeVerifier(codeVerifier);
        if (provider.openIdConnect()) {
            // Apple: its scopes are name and email, and asking for them requires the answer as a form posted to the callback.
            boolean apple = provider == Provider.APPLE;
            return new AuthenticationRequest.Builder(ResponseType.CODE, apple ? new Scope("openid", "email", "name")
                    : new Scope("openid", "email", "profile"), client, callback)
                    .endpointURI(metadata(provider).getAuthorizationEndpointURI())
                    .responseMode(apple ? ResponseMode.FORM_POST : null)
                    .state(new State(state))
                    .nonce(new Nonce(nonce))
                    .codeChallenge(verifier, CodeChallengeMethod.S256)
                    .build().toURI();
        }
        return new AuthorizationRequest.Builder(ResponseType.CODE, client)
                .endpointURI(URI.create(OAuthSettings.env(provider, "AUTHORIZE_URL").orElseThrow()))
                .redirectionURI(callback)
                .scope(new Scope("email", "public_profile"))
                .state(new State(state))
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
    }

    @Override
    public Person identify(Provider provider, String code, String codeVerifier, String nonce) {
        ClientID client = clientId(provider);
        Secret secret;
        try {
            secret = new Secret(secrets.of(provider));
        } catch (RuntimeException e) {
            // No secret, or Secrets Manager unreachable: the sign-in cannot go on, and says so without a 500.
            LOG.error("No client secret for {}: {}", provider.wire(), e.toString());
            throw new ApiException(ProblemType.UNAVAILABLE, "Sign-in with " + provider.wire() + " is not available right now; try again later");
        }
        ClientAuthentication auth = provider.openIdConnect() ? new ClientSecretBasic(client, secret) : new ClientSecretPost(client, secret);
        URI tokenEndpoint = provider.openIdConnect() ? metadata(provider).getTokenEndpointURI()
                : URI.create(OAuthSettings.env(provider, "TOKEN_URL").orElseThrow());
        TokenRequest request = new TokenRequest(tokenEndpoint, auth,
                new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(settings.callbackUrl()), new CodeVerifier(codeVerifier)));
        HTTPResponse response = send(provider, request.toHTTPRequest());
        TokenResponse tokens;
        try {
            tokens = provider.openIdConnect() ? OIDCTokenResponseParser.parse(response) : TokenResponse.parse(response);
        } catch (ParseException e) {
            // Facebook's refusals are Graph API errors ({"error": {"message", ...}}), not OAuth's: a 4xx is still a refusal.
            if (response.getStatusCode() >= 400 && response.getStatusCode() < 500) throw codeRejected(provider, "HTTP " + response.getStatusCode());
            throw unreadable(provider, e);
        }
        if (!tokens.indicatesSuccess()) {
            ErrorObject error = tokens.toErrorResponse().getErrorObject();
            if (response.getStatusCode() >= 500) throw unavailable(provider, "answered " + response.getStatusCode());
            // Nimbus reads any non-2xx answer as an error response; Facebook's Graph errors ({"error": {"message", ...}})
            // carry no OAuth error code there, and a 4xx is still the provider refusing the code.
            if (error.getCode() != null) throw codeRejected(provider, error.getCode());
            if (response.getStatusCode() >= 400) throw codeRejected(provider, "HTTP " + response.getStatusCode());
            throw unavailable(provider, "answered " + response.getStatusCode());
        }
        if (!provider.openIdConnect()) return graphMe(provider, tokens.toSuccessResponse().getTokens().getAccessToken(), secret);
        OIDCTokens oidc = tokens.toSuccessResponse().getTokens().toOIDCTokens();
        return person(provider, oidc.getIDToken(), nonce);
    }

    private Person person(Provider provider, JWT idToken, String nonce) {
        if (idToken == null) throw unavailable(provider, "sent no ID token");
        IDTokenClaimsSet claims;
        try {
            claims = validator(provider).validate(idToken, new Nonce(nonce));
        } catch (KeySourceException e) {
            throw unavailable(provider, "did not serve its keys (" + e.getMessage() + ")");
        } catch (BadJOSEException | JOSEException e) {
            LOG.warn("{} ID token refused: {}", provider.wire(), e.getMessage());
            throw new ApiException(ProblemType.OAUTH_ID_TOKEN_INVALID, "The sign-in provider's answer failed its checks; start the sign-in again");
        }
        Object verified = claims.getClaim("email_verified");
        boolean emailVerified = Boolean.TRUE.equals(verified) || "true".equals(verified);
        return new Person(claims.getSubject().getValue(), claims.getStringClaim("email"), emailVerified, claims.getStringClaim("name"));
    }

    private Person graphMe(Provider provider, AccessToken token, Secret appSecret) {
        String graph = OAuthSettings.env(provider, "GRAPH_URL").orElseThrow();
        String proof = hmacSha256Hex(appSecret.getValue(), token.getValue());
        URI me = URI.create(graph + "/me?fields=id,name,email&access_token=" + URLEncoder.encode(token.getValue(), StandardCharsets.UTF_8)
                + "&appsecret_proof=" + proof);
        HTTPResponse response = send(provider, new HTTPRequest(HTTPRequest.Method.GET, me));
        if (response.getStatusCode() != 200) throw unavailable(provider, "answered " + response.getStatusCode() + " for /me");
        JsonNode body;
        try {
            body = Json.tree(response.getBody());
        } catch (RuntimeException e) {
            throw unreadable(provider, e);
        }
        String id = body.path("id").asText("");
        if (id.isEmpty()) throw unreadable(provider, new IllegalArgumentException("no id in /me"));
        String email = body.path("email").asText(null);
        return new Person(id, email, email != null, body.path("name").asText(null));
    }

    private HTTPResponse send(Provider provider, HTTPRequest request) {
        request.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        request.setReadTimeout(READ_TIMEOUT_MILLIS);
        try {
            return request.send();
        } catch (IOException e) {
            throw unavailable(provider, "could not be reached (" + e.getClass().getSimpleName() + ")");
        }
    }

    private synchronized OIDCProviderMetadata metadata(Provider provider) {
        OIDCProviderMetadata known = metadata.get(provider);
        if (known != null) return known;
        try {
            known = OIDCProviderMetadata.resolve(new Issuer(OAuthSettings.env(provider, "ISSUER").orElseThrow()),
                    CONNECT_TIMEOUT_MILLIS, READ_TIMEOUT_MILLIS);
        } catch (IOException e) {
            throw unavailable(provider, "did not serve its discovery document (" + e.getClass().getSimpleName() + ")");
        } catch (com.nimbusds.oauth2.sdk.GeneralException e) {
            throw unreadable(provider, e);
        }
        metadata.put(provider, known);
        return known;
    }

    private synchronized IDTokenValidator validator(Provider provider) {
        IDTokenValidator validator = validators.get(provider);
        if (validator != null) return validator;
        OIDCProviderMetadata discovered = metadata(provider);
        try {
            validator = new IDTokenValidator(discovered.getIssuer(), clientId(provider), JWSAlgorithm.RS256,
                    discovered.getJWKSetURI().toURL(), new DefaultResourceRetriever(CONNECT_TIMEOUT_MILLIS, READ_TIMEOUT_MILLIS));
        } catch (MalformedURLException e) {
            throw unreadable(provider, e);
        }
        validators.put(provider, validator);
        return validator;
    }

    private static ClientID clientId(Provider provider) {
        return new ClientID(OAuthSettings.clientId(provider).orElseThrow(() -> ApiException.notFound("The sign-in provider " + provider.wire())));
    }

    static String hmacSha256Hex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException codeRejected(Provider provider, String why) {
        LOG.info("{} refused the code: {}", provider.wire(), why);
        return new ApiException(ProblemType.OAUTH_CODE_REJECTED, "The sign-in provider refused the sign-in (" + why + "): start it again");
    }

    private static ApiException unavailable(Provider provider, String what) {
        LOG.warn("{} {}", provider.wire(), what);
        return new ApiException(ProblemType.UNAVAILABLE, "The sign-in provider " + provider.wire() + " is not answering; try again in a moment");
    }

    private static ApiException unreadable(Provider provider, Exception e) {
        LOG.warn("{} answered what we cannot read: {}", provider.wire(), e.getMessage());
        return new ApiException(ProblemType.UNAVAILABLE, "The sign-in provider " + provider.wire() + " answered what we cannot read; try again in a moment");
    }
}
