package app.domus.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntrinsicResolverTest {
    private static final String TEMPLATE = """
            Parameters:
              Stage: {Type: String, Default: dev}
              Origins: {Type: CommaDelimitedList, Default: 'a.example,b.example'}
              Push: {Type: String, Default: ''}
            Mappings:
              Sizes:
                dev: {memory: 512}
            Conditions:
              HasPush: !Not [!Equals [!Ref Push, '']]
              IsDev: !Equals [!Ref Stage, dev]
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
              Queue:
                Type: AWS::SQS::Queue
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment:
                    Variables:
                      TABLE: !Ref Table
                      QUEUE_ARN: !GetAtt Queue.Arn
                      LONG_FORM: {"Fn::GetAtt": [Queue, Arn]}
                      URL: !Sub 'https://${Table}.${AWS::Region}.example/${Stage}/${!Literal}'
                      WITH_VARIABLES: !Sub ['${Prefix}-${Queue.Arn}', {Prefix: !Ref Stage}]
                      JOINED: !Join [',', [!Ref Stage, !Select [1, !Ref Origins]]]
                      SPLIT_LAST: !Select [2, !Split ['/', 'a/b/c']]
                      PUSH: !If [HasPush, !Ref Push, !Ref AWS::NoValue]
                      MEMORY: !FindInMap [Sizes, !Ref Stage, memory]
                      DEV: !If [IsDev, 'yes', 'no']
            """;

    @TempDir
    Path directory;

    private IntrinsicResolver resolver(Map<String, String> overrides) throws Exception {
        Path file = Files.writeString(directory.resolve("template.yaml"), TEMPLATE);
        Template template = Template.load(file);
        ResourceReferences references = new ResourceReferences() {
            @Override
            public String ref(TemplateResource resource) {
                return "ref-of-" + resource.logicalId();
            }

            @Override
            public String attribute(TemplateResource resource, String attribute) {
                return attribute + "-of-" + resource.logicalId();
            }
        };
        return new IntrinsicResolver(template, overrides, Map.of("AWS::Region", "eu-central-2"), references);
    }

    @Test
    void resolvesEveryIntrinsicTheTemplateUses() throws Exception {
        IntrinsicResolver resolver = resolver(Map.of());
        Template template = Template.load(directory.resolve("template.yaml"));
        Object variables = resolver.resolve(template.resource("Fn").mapProperty("Environment").get("Variables"));

        assertThat(variables).isEqualTo(Map.of(
                "TABLE", "ref-of-Table",
                "QUEUE_ARN", "Arn-of-Queue",
                "LONG_FORM", "Arn-of-Queue",
                "URL", "https://ref-of-Table.eu-central-2.example/dev/${Literal}",
                "WITH_VARIABLES", "dev-Arn-of-Queue",
                "JOINED", "dev,b.example",
                "SPLIT_LAST", "c",
                "MEMORY", 512,
                "DEV", "yes"));
    }

    @Test
    void appliesParameterOverridesAndConditions() throws Exception {
        IntrinsicResolver resolver = resolver(Map.of("Stage", "prod", "Push", "arn:push"));

        assertThat(resolver.parameter("Stage")).isEqualTo("prod");
        assertThat(resolver.parameter("Origins")).isEqualTo(List.of("a.example", "b.example"));
        assertThat(resolver.condition("HasPush")).isTrue();
        assertThat(resolver.condition("IsDev")).isFalse();
    }

    @Test
    void failsLoudlyOnAReferenceToNothing() throws Exception {
        IntrinsicResolver resolver = resolver(Map.of());

        assertThatThrownBy(() -> resolver.resolve(Map.of("Ref", "Missing"))).hasMessageContaining("No resource Missing");
    }
}
