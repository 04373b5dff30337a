package app.domus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an operator relies on: every dead-letter queue alarmed, every alarm deployed with the others (EnableAlarms) and
 * reaching the alarm topic, the dashboard's body JSON naming only resources of the template, and samconfig's dev and
 * prod environments setting what differs between them.
 */
class OperationsContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = CloudFormationYaml.repoRoot();
    private static JsonNode template;

    @BeforeAll
    static void load() throws Exception {
        template = LanguageExtensions.expand(JSON.valueToTree(CloudFormationYaml.load(ROOT.resolve("template.yaml"))));
    }

    private static List<Map.Entry<String, JsonNode>> resources(String type) {
        List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (r.getValue().path("Type").asText().equals(type)) found.add(r);
        }
        return found;
    }

    @Test
    void everyDeadLetterQueueHasAnAlarmOnItsDepth() {
        TreeSet<String> dlqs = new TreeSet<>();
        for (var q : resources("AWS::SQS::Queue")) if (q.getKey().endsWith("DLQ")) dlqs.add(q.getKey());
        TreeSet<String> alarmed = new TreeSet<>();
        for (var a : resources("AWS::CloudWatch::Alarm")) {
            JsonNode p = a.getValue().path("Properties");
            if (!p.path("MetricName").asText().equals("ApproximateNumberOfMessagesVisible")) continue;
            JsonNode queue = p.path("Dimensions").get(0).path("Value").path("Fn::GetAtt");
            alarmed.add(queue.get(0).isTextual() ? queue.get(0).asText() : queue.get(0).path("Ref").asText());
            assertThat(p.path("Threshold").asInt()).as("%s pages at the first message", a.getKey()).isZero();
        }
        assertThat(dlqs).hasSizeGreaterThan(20);
        assertThat(alarmed).as("alarmed DLQs").containsAll(dlqs);
    }

    @Test
    void everyAlarmIsDeployedWithTheOthersAndReachesTheAlarmTopic() {
        var alarms = resources("AWS::CloudWatch::Alarm");
        assertThat(alarms).hasSizeGreaterThan(30);
        for (var a : alarms) {
            assertThat(a.getValue().path("Condition").asText()).as(a.getKey()).isEqualTo("AlarmsOn");
            assertThat(a.getValue().path("Properties").path("AlarmActions").toString()).as(a.getKey()).contains("AlarmTopic");
            assertThat(a.getValue().path("Properties").path("TreatMissingData").asText()).as(a.getKey()).isEqualTo("notBreaching");
        }
        assertThat(template.path("Resources").path("AlarmTopic").path("Condition").asText()).isEqualTo("AlarmsOn");
        assertThat(template.path("Conditions").path("AlarmsOn").toString()).contains("EnableAlarms");
        assertThat(template.path("Parameters").path("EnableAlarms").path("Default").asText()).as("off unless an environment says so").isEqualTo("false");
    }

    @Test
    void theDashboardIsJsonAndNamesOnlyWhatTheTemplateHas() throws Exception {
        JsonNode sub = template.path("Resources").path("OperationsDashboard").path("Properties").path("DashboardBody").path("Fn::Sub");
        String body = sub.get(0).asText();
        JsonNode variables = sub.get(1);
        Matcher m = Pattern.compile("\\$\\{([A-Za-z0-9:]+)}").matcher(body);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            assertThat(name.startsWith("AWS::") || variables.has(name)).as("${%s} is defined", name).isTrue();
            m.appendReplacement(filled, "x");
        }
        m.appendTail(filled);
        JsonNode dashboard = JSON.readTree(filled.toString());
        assertThat(dashboard.path("widgets")).hasSizeGreaterThanOrEqualTo(5);
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            String referenced = it.next().getValue().toString().replaceAll(".*\"(?:Ref|Fn::GetAtt)\":\\[?\"([A-Za-z0-9]+).*", "$1");
            assertThat(template.path("Resources").has(referenced)).as("the dashboard's %s exists", referenced).isTrue();
        }
    }

    @Test
    void samconfigHasADevAndAProdEnvironmentThatDifferWhereTheyShould() throws Exception {
        String config = Files.readString(ROOT.resolve("samconfig.toml"));
        String dev = section(config, "[default.deploy.parameters]");
        String prod = section(config, "[prod.deploy.parameters]");
        assertThat(dev).contains("Stage=dev", "EnableAlarms=false", "stage=dev");
        assertThat(prod).contains("Stage=prod", "EnableAlarms=true", "AlarmEmail=", "LogRetentionDays=365", "stage=prod", "stack_name = \"domus-prod\"");
        for (String overridden : parameterNames(prod)) {
            assertThat(template.path("Parameters").has(overridden)).as("prod overrides %s, a template parameter", overridden).isTrue();
        }
    }

    private static String section(String toml, String header) {
        int start = toml.indexOf(header);
        assertThat(start).as(header).isNotNegative();
        int end = toml.indexOf("\n[", start + header.length());
        return end < 0 ? toml.substring(start) : toml.substring(start, end);
    }

    private static List<String> parameterNames(String section) {
        Matcher m = Pattern.compile("parameter_overrides = \"([^\"]*)\"").matcher(section);
        assertThat(m.find()).isTrue();
        List<String> names = new ArrayList<>();
        for (String pair : m.group(1).split(" ")) names.add(pair.substring(0, pair.indexOf('=')));
        return names;
    }
}
