package app.domus.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AuditActionsTest {

    @Test
    void theAuditTrailQueueLetsThroughExactlyTheEventTypesThatHaveARule() throws Exception {
        String template = Files.readString(Path.of("../../template.yaml"));
        Matcher line = Pattern.compile("(?m)^    AuditTrail: \\{EventTypes: \\[([^]]*)]}").matcher(template);
        assertThat(line.find()).as("the AuditTrail entry of the Consumers mapping").isTrue();
        assertThat(Arrays.stream(line.group(1).split(",")).map(String::strip).toList())
                .containsExactly(AuditActions.eventTypes());
    }
}
