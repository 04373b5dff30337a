package app.domus.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {
    @Test
    void placeholdersAreFilledOnceAndValuesAreNotExpandedAgain() {
        Templates.Message message = Templates.render("generic", Map.of("subject", "{{body}} $1 \\", "body", "text"));
        assertThat(message.subject()).isEqualTo("{{body}} $1 \\");
        assertThat(message.body()).isEqualTo("text");
    }

    @Test
    void unknownTemplatesAndMissingValuesFail() {
        assertThatThrownBy(() -> Templates.render("nope", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Templates.render(null, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Templates.render("welcome", null)).hasMessageContaining("email");
    }
}
