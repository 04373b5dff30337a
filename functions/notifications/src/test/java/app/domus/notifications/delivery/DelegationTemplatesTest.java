package app.domus.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The messages of the delegations module render with the data it sends, and only with it. */
class DelegationTemplatesTest {
    private static Map<String, String> about() {
        Map<String, String> data = new HashMap<>();
        data.put("unit", "3B");
        data.put("building", "Lindenstraße 5");
        data.put("rights", "vote, report faults");
        return data;
    }

    @Test
    void anInvitationNamesTheOwnerTheUnitTheRightsAndTheExpiry() {
        Map<String, String> data = about();
        data.putAll(Map.of("ownerName", "Olga Owner", "ownerEmail", "olga@example.test", "expiresAt", "1 September 2026, 00:00 UTC"));

        Templates.Message message = Templates.render("delegation-invitation", data);

        assertThat(message.subject()).isEqualTo("Olga Owner asks you to act for them in Domus");
        assertThat(message.body()).isEqualTo("Olga Owner (olga@example.test) has delegated rights for unit 3B of "
                + "Lindenstraße 5 to you: vote, report faults, until 1 September 2026, 00:00 UTC.\n\n"
                + "Sign in to Domus to accept or decline.");
    }

    @Test
    void anInvitationToSomeoneWithoutAnAccountAsksThemToRegisterWithTheAddress() {
        Map<String, String> data = about();
        data.putAll(Map.of("ownerName", "Olga Owner", "ownerEmail", "olga@example.test",
                "expiresAt", "1 September 2026, 00:00 UTC", "email", "new.friend@example.test"));

        Templates.Message message = Templates.render("delegation-invitation-register", data);

        assertThat(message.body()).contains("unit 3B of Lindenstraße 5", "vote, report faults",
                "Register with this address, new.friend@example.test, then sign in to accept or decline.");
        assertThatThrownBy(() -> Templates.render("delegation-invitation-register", about())).hasMessageContaining("needs a value");
    }

    @Test
    void theOwnerHearsTheAnswerAndTheDelegateTheRevocation() {
        Map<String, String> answered = about();
        answered.putAll(Map.of("delegateName", "Fred Friend", "answer", "declined"));
        Map<String, String> revoked = about();
        revoked.put("ownerName", "Olga Owner");

        Templates.Message answer = Templates.render("delegation-answered", answered);
        Templates.Message revocation = Templates.render("delegation-revoked", revoked);

        assertThat(answer.subject()).isEqualTo("Fred Friend declined your delegation");
        assertThat(answer.body()).isEqualTo("Fred Friend has declined the rights you delegated for unit 3B of Lindenstraße 5: "
                + "vote, report faults.");
        assertThat(revocation.subject()).isEqualTo("Olga Owner revoked your delegation");
        assertThat(revocation.body()).contains("for unit 3B of Lindenstraße 5: vote, report faults.", "no longer act for them");
    }
}
