package app.domus.identity.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.domus.identity.identities.IdentityEvents;
import app.domus.identity.identities.IdentityLinkItem;
import app.domus.identity.identities.Provider;
import app.domus.identity.identities.ProviderIdentities;
import app.domus.identity.identities.ProviderIdentityItem;
import app.domus.identity.tokens.TokenHash;
import app.domus.shared.directory.UserItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider identities service on its own: the e-mailed link's lifetime and single use, linking, and removing. */
class ProviderIdentitiesTest {
    private final IdentityFixture fx = new IdentityFixture();
    private final ProviderIdentities identities = fx.identities;

    /** An account whose address the invitation vouched for (so verified). */
    private UserItem verifiedUser(String email) {
        var invitation = fx.invitation("OWNER", fx.clock.instant().plus(Duration.ofDays(7)), email);
        String userId = fx.register(email, IdentityFixture.PASSWORD, invitation.code()).assertStatus(201).text("userId");
        UserItem user = fx.storedUser(userId);
        assertThat(user.emailVerified()).isTrue();
        return user;
    }

    private String issue(UserItem user, Provider provider, String subject) {
        return identities.issueEmailLink(new IdentityEvents.LinkRequested("r-1", user.getId(), user.getEmail(), provider.wire(), subject));
    }

    private static ProblemType refusal(Runnable work) {
        ApiException e = catchThrowableOfType(ApiException.class, work::run);
        assertThat(e).as("refused").isNotNull();
        return e.type();
    }

    private IdentityLinkItem storedLink(String token) {
        return fx.table.get(IdentityLinkItem.class, IdentityLinkItem.pk(TokenHash.of(token)), IdentityLinkItem.SK).orElse(null);
    }

    @Test
    void anIssuedLinkStoresOnlyTheHashForOneHourWithItsTtlADayLater() {
        UserItem user = verifiedUser("ines@example.test");
        Instant now = fx.clock.instant();

        String token = issue(user, Provider.GOOGLE, "g-123");

        IdentityLinkItem link = storedLink(token);
        assertThat(link).isNotNull();
        assertThat(link.getUserId()).isEqualTo(user.getId());
        assertThat(link.getProvider()).isEqualTo("google");
        assertThat(link.getSubject()).isEqualTo("g-123");
        assertThat(link.getEmail()).isEqualTo("ines@example.test");
        assertThat(Instant.parse(link.getExpiresAt())).isEqualTo(now.plus(Duration.ofHours(1)));
        assertThat(link.getTtl()).isEqualTo(now.plus(Duration.ofHours(25)).getEpochSecond());
        assertThat(fx.count("IDLINK#" + token, "")).isZero();
    }

    @Test
    void confirmingLinksBothItemsRemovesTheLinkAndWorksOnce() {
        UserItem user = verifiedUser("ines@example.test");
        String token = issue(user, Provider.FACEBOOK, "fb-9");

        ProviderIdentities.Linked linked = identities.confirmEmailLink(token);

        assertThat(linked).isEqualTo(new ProviderIdentities.Linked(user.getId(), "facebook", true));
        assertThat(storedLink(token)).isNull();
        ProviderIdentityItem bySubject = identities.find(Provider.FACEBOOK, "fb-9").orElseThrow();
        assertThat(bySubject.getUserId()).isEqualTo(user.getId());
        assertThat(bySubject.getEmail()).isEqualTo("ines@example.test");
        assertThat(fx.table.get(ProviderIdentityItem.class, UserItem.pk(user.getId()), ProviderIdentityItem.userSk(Provider.FACEBOOK)))
                .isPresent();
        assertThat(identities.list(user.getId())).containsExactly(
                new ProviderIdentities.IdentityView("facebook", "ines@example.test", fx.clock.instant().toString()));
        assertThat(identities.find(Provider.GOOGLE, "fb-9")).isEmpty();

        assertThat(refusal(() -> identities.confirmEmailLink(token))).isEqualTo(ProblemType.INVALID_TOKEN);
    }

    @Test
    void aLinkWorksUntilItsLastMomentButNotAtItsExpiry() {
        UserItem user = verifiedUser("ines@example.test");
        String early = issue(user, Provider.GOOGLE, "g-1");
        String late = issue(user, Provider.APPLE, "a-1");

        fx.clock.advance(ProviderIdentities.LINK_LIFETIME.minusMillis(1));
        assertThat(identities.confirmEmailLink(early).linked()).isTrue();

        fx.clock.advance(Duration.ofMillis(1));
        assertThat(refusal(() -> identities.confirmEmailLink(late))).isEqualTo(ProblemType.INVALID_TOKEN);
        assertThat(identities.find(Provider.APPLE, "a-1")).isEmpty();
    }

    @Test
    void aLinkToAnAddressTheAccountNoLongerHasOrAnUnverifiedOneIsRefused() {
        UserItem user = verifiedUser("ines@example.test");
        String token = issue(user, Provider.GOOGLE, "g-1");
        user.setEmail("other@example.test");
        fx.table.of(UserItem.class).updateItem(user);

        assertThat(refusal(() -> identities.confirmEmailLink(token))).isEqualTo(ProblemType.INVALID_TOKEN);

        UserItem unverified = fx.storedUser(fx.signUp("uwe@example.test").userId());
        assertThat(unverified.emailVerified()).isFalse();
        String second = issue(unverified, Provider.GOOGLE, "g-2");
        assertThat(refusal(() -> identities.confirmEmailLink(second))).isEqualTo(ProblemType.INVALID_TOKEN);
        assertThat(identities.find(Provider.GOOGLE, "g-1")).isEmpty();
        assertThat(identities.find(Provider.GOOGLE, "g-2")).isEmpty();
    }

    @Test
    void anAddressDifferingOnlyInCaseStillConfirms() {
        UserItem user = verifiedUser("ines@example.test");
        String token = identities.issueEmailLink(new IdentityEvents.LinkRequested("r", user.getId(), "INES@Example.test", "google", "g-1"));

        assertThat(identities.confirmEmailLink(token).userId()).isEqualTo(user.getId());
    }

    @Test
    void aLinkNamingAnUnknownProviderIsRefused() {
        UserItem user = verifiedUser("ines@example.test");
        String token = identities.issueEmailLink(new IdentityEvents.LinkRequested("r", user.getId(), user.getEmail(), "myspace", "m-1"));

        assertThat(refusal(() -> identities.confirmEmailLink(token))).isEqualTo(ProblemType.INVALID_TOKEN);
    }

    @Test
    void aConfirmedLinkForASubjectAlreadyLinkedElsewhereIsALinkRefusal() {
        UserItem ines = verifiedUser("ines@example.test");
        UserItem otto = verifiedUser("otto@example.test");
        identities.linkNow(otto.getId(), Provider.GOOGLE, "g-1", otto.getEmail());
        String token = issue(ines, Provider.GOOGLE, "g-1");

        assertThat(refusal(() -> identities.confirmEmailLink(token))).isEqualTo(ProblemType.IDENTITY_LINK_REFUSED);
        assertThat(identities.find(Provider.GOOGLE, "g-1").orElseThrow().getUserId()).isEqualTo(otto.getId());
        assertThat(identities.list(ines.getId())).isEmpty();
    }

    @Test
    void oneIdentityPerProviderAndOneAccountPerSubject() {
        UserItem ines = verifiedUser("ines@example.test");
        UserItem otto = verifiedUser("otto@example.test");
        identities.linkNow(ines.getId(), Provider.GOOGLE, "g-1", ines.getEmail());

        assertThat(refusal(() -> identities.linkNow(ines.getId(), Provider.GOOGLE, "g-2", ines.getEmail())))
                .isEqualTo(ProblemType.IDENTITY_LINK_REFUSED);
        assertThat(refusal(() -> identities.linkNow(otto.getId(), Provider.GOOGLE, "g-1", otto.getEmail())))
                .isEqualTo(ProblemType.IDENTITY_LINK_REFUSED);
        assertThat(identities.find(Provider.GOOGLE, "g-2")).isEmpty();
        assertThat(identities.list(otto.getId())).isEmpty();
    }

    @Test
    void removingAnIdentityThatIsNotLinkedIsNotFound() {
        UserItem user = verifiedUser("ines@example.test");

        assertThat(refusal(() -> identities.remove(user.getId(), Provider.APPLE))).isEqualTo(ProblemType.NOT_FOUND);
    }

    @Test
    void withAPasswordTheOnlyIdentityCanBeRemovedAndBothItemsGo() {
        UserItem user = verifiedUser("ines@example.test");
        identities.linkNow(user.getId(), Provider.GOOGLE, "g-1", user.getEmail());

        identities.remove(user.getId(), Provider.GOOGLE);

        assertThat(identities.list(user.getId())).isEmpty();
        assertThat(identities.find(Provider.GOOGLE, "g-1")).isEmpty();
    }

    @Test
    void withoutAPasswordTheLastIdentityStaysButOneOfTwoCanGo() {
        UserItem user = verifiedUser("ines@example.test");
        identities.linkNow(user.getId(), Provider.GOOGLE, "g-1", user.getEmail());
        identities.linkNow(user.getId(), Provider.APPLE, "a-1", user.getEmail());
        UserItem stored = fx.storedUser(user.getId());
        stored.setPasswordHash(null);
        fx.table.of(UserItem.class).updateItem(stored);

        identities.remove(user.getId(), Provider.GOOGLE);
        assertThat(identities.find(Provider.GOOGLE, "g-1")).isEmpty();

        assertThat(refusal(() -> identities.remove(user.getId(), Provider.APPLE))).isEqualTo(ProblemType.LAST_SIGN_IN_METHOD);
        assertThat(identities.find(Provider.APPLE, "a-1")).isPresent();
        assertThat(identities.list(user.getId())).extracting(ProviderIdentities.IdentityView::provider).containsExactly("apple");
    }

    @Test
    void anUnknownAccountCannotRemoveAnything() {
        assertThat(refusal(() -> identities.remove("nobody", Provider.GOOGLE))).isEqualTo(ProblemType.INVALID_TOKEN);
    }

    @Test
    void theLinksEmailDataNamesTheLinkAddressProviderAndSixtyMinutes() {
        assertThat(ProviderIdentities.linkData("https://app.test", "tok", "a@example.test", "apple")).isEqualTo(Map.of(
                "link", "https://app.test/link-identity?token=tok", "email", "a@example.test", "provider", "apple", "minutes", "60"));
    }
}
