package app.domus.local.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.local.json.Json;
import org.junit.jupiter.api.Test;

class IotPolicyTest {
    private static final String ARN = "arn:aws:iot:eu-central-1:000000000000:";

    private static IotPolicy policy(String... documents) {
        return IotPolicy.of(Json.MAPPER.valueToTree(documents));
    }

    @Test
    void allowsWhatAStatementAllowsAndNothingElse() {
        IotPolicy policy = policy("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "iot:Connect", "Resource": "arn:aws:iot:eu-central-1:000000000000:client/dev-1"},
                  {"Effect": "Allow", "Action": ["iot:Publish"], "Resource": ["arn:aws:iot:eu-central-1:000000000000:topic/meters/dev-1/readings"]}]}""");

        assertThat(policy.allows("iot:Connect", ARN + "client/dev-1", "dev-1")).isTrue();
        assertThat(policy.allows("iot:Connect", ARN + "client/dev-2", "dev-2")).isFalse();
        assertThat(policy.allows("iot:Publish", ARN + "topic/meters/dev-1/readings", "dev-1")).isTrue();
        assertThat(policy.allows("iot:Publish", ARN + "topic/meters/dev-2/readings", "dev-1")).isFalse();
        assertThat(policy.allows("iot:Subscribe", ARN + "topicfilter/meters/dev-1/readings", "dev-1")).isFalse();
    }

    @Test
    void matchesIamWildcardsInActionsAndResourcesButNotMqttOnes() {
        IotPolicy policy = policy("""
                {"Statement": [
                  {"Effect": "Allow", "Action": "iot:*", "Resource": "arn:aws:iot:*:000000000000:topic/meters/*/readings"},
                  {"Effect": "Allow", "Action": "IOT:SUBSCRIBE", "Resource": "arn:aws:iot:eu-central-1:000000000000:topicfilter/meters/dev-?/+"}]}""");

        assertThat(policy.allows("iot:Publish", ARN + "topic/meters/dev-1/readings", "dev-1")).isTrue();
        assertThat(policy.allows("iot:Publish", ARN + "topic/meters/a/b/readings", "dev-1")).as("* spans levels").isTrue();
        assertThat(policy.allows("iot:Publish", ARN + "topic/meters/dev-1/state", "dev-1")).isFalse();
        assertThat(policy.allows("iot:Subscribe", ARN + "topicfilter/meters/dev-7/+", "dev-7")).as("actions ignore case").isTrue();
        assertThat(policy.allows("iot:Subscribe", ARN + "topicfilter/meters/dev-17/+", "dev-17")).as("? is one character").isFalse();
        assertThat(policy.allows("iot:Subscribe", ARN + "topicfilter/meters/dev-7/readings", "dev-7")).as("+ is itself").isFalse();
    }

    @Test
    void aDenyOverridesEveryAllowAcrossDocuments() {
        IotPolicy policy = policy(
                "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"iot:Publish\", \"Resource\": \"*\"}}",
                "{\"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"iot:Publish\", \"Resource\": \"" + ARN + "topic/$aws/*\"}]}");

        assertThat(policy.allows("iot:Publish", ARN + "topic/meters/dev-1/readings", "dev-1")).isTrue();
        assertThat(policy.allows("iot:Publish", ARN + "topic/$aws/things/x/shadow/update", "dev-1")).isFalse();
    }

    @Test
    void putsTheClientIdForItsPolicyVariableLiterally() {
        IotPolicy policy = policy("{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"iot:Publish\", \"Resource\": \"" + ARN + "topic/meters/${iot:ClientId}/readings\"}]}");

        assertThat(policy.allows("iot:Publish", ARN + "topic/meters/dev-1/readings", "dev-1")).isTrue();
        assertThat(policy.allows("iot:Publish", ARN + "topic/meters/dev-2/readings", "dev-1")).isFalse();
        assertThat(policy.allows("iot:Publish", ARN + "topic/meters/dev-2/readings", "dev-*")).as("a client id is no wildcard").isFalse();
    }

    @Test
    void takesPolicyObjectsAsWellAsStrings() {
        IotPolicy policy = IotPolicy.of(Json.read("[{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"iot:Connect\", \"Resource\": \"*\"}]}]"));

        assertThat(policy.allows("iot:Connect", ARN + "client/anyone", "anyone")).isTrue();
    }

    @Test
    void refusesWhatIsNoPolicy() {
        assertThatThrownBy(() -> policy("not json")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> policy("{\"Statement\": [{\"Effect\": \"Maybe\", \"Action\": \"iot:Connect\", \"Resource\": \"*\"}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Allow or Deny");
        assertThatThrownBy(() -> policy("{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"iot:Connect\"}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Resource");
    }
}
