package app.domus.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Fn::ForEach} is expanded when a template is loaded, so that everything downstream sees plain resources. */
class LanguageExtensionsTest {
    private static final String HEADER = """
            Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
            Parameters:
              Tenants: {Type: CommaDelimitedList, Default: 'alpha, beta'}
            Mappings:
              Consumers:
                Welcome: {EventTypes: [UserRegistered]}
                Triage: {EventTypes: [FaultReported], VisibilityTimeout: 360}
            """;

    @TempDir
    Path directory;

    private Template load(String yaml) throws Exception {
        return Template.load(Files.writeString(directory.resolve("template.yaml"), yaml));
    }

    private Template loadResources(String resources) throws Exception {
        return load(HEADER + "Resources:\n" + resources.indent(2));
    }

    @Test
    void replicatesResourcesWithTheItemInKeysSubStringsStringsAndRefs() throws Exception {
        Template template = loadResources("""
                Topic:
                  Type: AWS::SNS::Topic
                Fn::ForEach::ConsumerQueues:
                  - Consumer
                  - [Welcome, Triage]
                  - ${Consumer}Queue:
                      Type: AWS::SQS::Queue
                      Properties:
                        QueueName: !Sub 'domus-${Consumer}-${AWS::Region}'
                        Tag: plain-${Consumer}
                        VisibilityTimeout: !FindInMap [Consumers, !Ref Consumer, VisibilityTimeout, {DefaultValue: 90}]
                    ${Consumer}Subscription:
                      Type: AWS::SNS::Subscription
                      Properties:
                        TopicArn: !Ref Topic
                        Endpoint: !GetAtt [!Sub '${Consumer}Queue', Arn]
                        FilterPolicy:
                          eventType: !FindInMap [Consumers, !Ref Consumer, EventTypes]
                """);

        assertThat(template.resources().keySet())
                .containsExactly("Topic", "WelcomeQueue", "WelcomeSubscription", "TriageQueue", "TriageSubscription");
        TemplateResource queue = template.resource("TriageQueue");
        assertThat(queue.type()).isEqualTo("AWS::SQS::Queue");
        assertThat(queue.properties()).containsEntry("QueueName", Map.of("Fn::Sub", "domus-Triage-${AWS::Region}"))
                .containsEntry("Tag", "plain-Triage")
                .containsEntry("VisibilityTimeout", Map.of("Fn::FindInMap", List.of("Consumers", "Triage", "VisibilityTimeout", Map.of("DefaultValue", 90))));
        // A Sub left without variables is the plain logical id, as the transform hands it to Fn::GetAtt.
        assertThat(template.resource("WelcomeSubscription").properties())
                .containsEntry("Endpoint", Map.of("Fn::GetAtt", List.of("WelcomeQueue", "Arn")))
                .containsEntry("TopicArn", Map.of("Ref", "Topic"));

        // Downstream, the replicated resources resolve like hand-written ones (the mapping's default included).
        IntrinsicResolver resolver = new IntrinsicResolver(template, Map.of(), Map.of("AWS::Region", "eu-central-2"), new ResourceReferences() {
            @Override
            public String ref(TemplateResource resource) {
                return resource.logicalId();
            }

            @Override
            public String attribute(TemplateResource resource, String attribute) {
                return resource.logicalId() + "." + attribute;
            }
        });
        assertThat(resolver.resolve(template.resource("WelcomeQueue").properties())).isEqualTo(Map.of(
                "QueueName", "domus-Welcome-eu-central-2", "Tag", "plain-Welcome", "VisibilityTimeout", 90));
        assertThat(Template.map(resolver.resolve(template.resource("TriageQueue").properties()))).containsEntry("VisibilityTimeout", 360);
        assertThat(resolver.resolve(template.resource("TriageSubscription").properties())).isEqualTo(Map.of(
                "TopicArn", "Topic", "Endpoint", "TriageQueue.Arn", "FilterPolicy", Map.of("eventType", List.of("FaultReported"))));
    }

    @Test
    void iteratesACommaDelimitedListParameterWithItsOverrideAndStripsNonAlphanumericsForAmpersand() throws Exception {
        String yaml = HEADER + """
                Resources:
                  Fn::ForEach::Buckets:
                    - Tenant
                    - !Ref Tenants
                    - Bucket&{Tenant}:
                        Type: AWS::S3::Bucket
                        Properties:
                          BucketName: !Sub 'domus-${Tenant}'
                """;
        Path file = Files.writeString(directory.resolve("template.yaml"), yaml);

        assertThat(Template.load(file).resources().keySet()).containsExactly("Bucketalpha", "Bucketbeta");
        Template overridden = Template.load(file, Map.of("Tenants", "north-east.1,south"));
        assertThat(overridden.resources().keySet()).containsExactly("Bucketnortheast1", "Bucketsouth");
        assertThat(overridden.resource("Bucketnortheast1").properties()).containsEntry("BucketName", "domus-north-east.1");
    }

    @Test
    void expandsNestedLoopsLoopsInsidePropertiesAndTheOutputsAndConditionsSections() throws Exception {
        Template template = load(HEADER + """
                Conditions:
                  Fn::ForEach::Checks:
                    - Name
                    - [Welcome]
                    - Is${Name}: !Equals [!Ref Name, Welcome]
                Resources:
                  Fn::ForEach::Outer:
                    - Context
                    - [Faults, Votes]
                    - Fn::ForEach::Inner:
                        - Kind
                        - [Read, Write]
                        - ${Context}${Kind}Role:
                            Type: AWS::IAM::Role
                            Properties:
                              Tags:
                                Fn::ForEach::Tags:
                                  - Tag
                                  - [a, b]
                                  - ${Tag}: !Sub '${Context}-${Kind}-${Tag}'
                Outputs:
                  Fn::ForEach::RoleOutputs:
                    - Context
                    - [Faults]
                    - ${Context}ReadRoleArn:
                        Value: !GetAtt [!Sub '${Context}ReadRole', Arn]
                """);

        assertThat(template.resources().keySet()).containsExactly("FaultsReadRole", "FaultsWriteRole", "VotesReadRole", "VotesWriteRole");
        assertThat(template.resource("VotesWriteRole").properties()).containsEntry("Tags", Map.of("a", "Votes-Write-a", "b", "Votes-Write-b"));
        assertThat(template.conditions()).containsEntry("IsWelcome", Map.of("Fn::Equals", List.of("Welcome", "Welcome")));
    }

    @Test
    void keepsDeletionPoliciesAndLogGroupsOutOfTheWay() throws Exception {
        Template template = loadResources("""
                Table:
                  Type: AWS::DynamoDB::Table
                  DeletionPolicy: Retain
                  UpdateReplacePolicy: Retain
                Fn::ForEach::FunctionLogGroups:
                  - Function
                  - [HealthFunction]
                  - ${Function}LogGroup:
                      Type: AWS::Logs::LogGroup
                      Properties:
                        LogGroupName: !Sub '/aws/lambda/${AWS::StackName}/${Function}'
                        RetentionInDays: 30
                """);

        assertThat(template.resource("Table").properties()).isEmpty();
        assertThat(template.resourcesOfType("AWS::Logs::LogGroup")).extracting(TemplateResource::logicalId).containsExactly("HealthFunctionLogGroup");
        assertThat(template.resource("HealthFunctionLogGroup").properties())
                .containsEntry("LogGroupName", Map.of("Fn::Sub", "/aws/lambda/${AWS::StackName}/HealthFunction"));
    }

    @Test
    void refusesWhatCloudFormationRefuses() {
        String loop = """
                Fn::ForEach::Queues:
                  - Consumer
                  - %s
                  - %s:
                      Type: AWS::SQS::Queue
                """;
        assertThatThrownBy(() -> loadResources(loop.formatted("[Welcome, Welcome]", "${Consumer}Queue")))
                .hasMessageContaining("WelcomeQueue is produced twice");
        assertThatThrownBy(() -> loadResources(loop.formatted("[Welcome]", "Queue")))
                .hasMessageContaining("contains neither ${Consumer} nor &{Consumer}");
        assertThatThrownBy(() -> loadResources(loop.formatted("[a-b]", "${Consumer}Queue")))
                .hasMessageContaining("not alphanumeric");
        assertThatThrownBy(() -> loadResources(loop.formatted("Welcome", "${Consumer}Queue")))
                .hasMessageContaining("must be a list or a Ref to a CommaDelimitedList");
        assertThatThrownBy(() -> loadResources("WelcomeQueue: {Type: AWS::SQS::Queue}\n" + loop.formatted("[Welcome]", "${Consumer}Queue")))
                .hasMessageContaining("WelcomeQueue is produced twice");
        assertThatThrownBy(() -> load(HEADER + "Resources:\n" + loop.formatted("[Welcome]", "${Consumer}Queue").indent(2)
                + "Outputs:\n" + loop.formatted("[Triage]", "${Consumer}Queue").indent(2)))
                .hasMessageContaining("another loop has that name");
        assertThatThrownBy(() -> load("Resources:\n" + loop.formatted("[Welcome]", "${Consumer}Queue").indent(2)))
                .hasMessageContaining("needs Transform AWS::LanguageExtensions");
        assertThatThrownBy(() -> load("Transform: [AWS::Serverless-2016-10-31, AWS::LanguageExtensions]\nResources:\n"
                + loop.formatted("[Welcome]", "${Consumer}Queue").indent(2)))
                .hasMessageContaining("must come before AWS::Serverless-2016-10-31");
    }
}
