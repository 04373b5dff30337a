package app.domus.local;

import app.domus.local.template.ResourceReferences;
import app.domus.local.template.TemplateResource;
import java.util.Locale;

/**
 * The local answer to {@code !Ref} and {@code !GetAtt} for each resource type: the physical names the local
 * emulators use (the logical id unless the template names the resource), and ARNs in the local account.
 */
public final class LocalResourceNames implements ResourceReferences {
    public static final String ACCOUNT = "000000000000";

    private final String region;
    private final String sqsBaseUrl;

    public LocalResourceNames(String region, String sqsBaseUrl) {
        this.region = region;
        this.sqsBaseUrl = sqsBaseUrl;
    }

    public String region() {
        return region;
    }

    public String tableName(TemplateResource table) {
        return givenName(table, "TableName").orElse(table.logicalId());
    }

    /** Bucket names are lower case in S3; a bucket the template does not name gets its logical id in lower case. */
    public String bucketName(TemplateResource bucket) {
        return givenName(bucket, "BucketName").orElse(bucket.logicalId().toLowerCase(Locale.ROOT));
    }

    public String queueName(TemplateResource queue) {
        boolean fifo = Boolean.parseBoolean(String.valueOf(queue.property("FifoQueue").orElse(false)));
        return givenName(queue, "QueueName").orElse(queue.logicalId() + (fifo ? ".fifo" : ""));
    }

    public String queueUrl(TemplateResource queue) {
        return sqsBaseUrl + "/" + ACCOUNT + "/" + queueName(queue);
    }

    public String queueArn(TemplateResource queue) {
        return arn("sqs", queueName(queue));
    }

    public String topicName(TemplateResource topic) {
        return givenName(topic, "TopicName").orElse(topic.logicalId());
    }

    public String topicArn(TemplateResource topic) {
        return arn("sns", topicName(topic));
    }

    public String functionArn(String logicalId) {
        return arn("lambda", "function:" + logicalId);
    }

    /** An API's id: what {@code ${Api}} gives inside an execute-api URL. */
    public String apiId(TemplateResource api) {
        return api.logicalId().toLowerCase(Locale.ROOT);
    }

    public String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + ACCOUNT + ":" + resource;
    }

    @Override
    public String ref(TemplateResource resource) {
        return switch (resource.type()) {
            case "AWS::DynamoDB::Table" -> tableName(resource);
            case "AWS::S3::Bucket" -> bucketName(resource);
            case "AWS::SQS::Queue" -> queueUrl(resource);
            case "AWS::SNS::Topic" -> topicArn(resource);
            case "AWS::Serverless::HttpApi", "AWS::Serverless::Api", "AWS::ApiGatewayV2::Api" -> apiId(resource);
            default -> resource.logicalId();
        };
    }

    @Override
    public String attribute(TemplateResource resource, String attribute) {
        String type = resource.type();
        return switch (type + "." + attribute) {
            case "AWS::DynamoDB::Table.Arn" -> arn("dynamodb", "table/" + tableName(resource));
            case "AWS::DynamoDB::Table.StreamArn" -> arn("dynamodb", "table/" + tableName(resource) + "/stream/local");
            case "AWS::S3::Bucket.Arn" -> "arn:aws:s3:::" + bucketName(resource);
            case "AWS::S3::Bucket.DomainName", "AWS::S3::Bucket.RegionalDomainName" -> bucketName(resource) + ".s3." + region + ".amazonaws.com";
            case "AWS::SQS::Queue.Arn" -> queueArn(resource);
            case "AWS::SQS::Queue.QueueName" -> queueName(resource);
            case "AWS::SQS::Queue.QueueUrl" -> queueUrl(resource);
            case "AWS::SNS::Topic.TopicArn" -> topicArn(resource);
            case "AWS::SNS::Topic.TopicName" -> topicName(resource);
            case "AWS::Serverless::Function.Arn", "AWS::Lambda::Function.Arn" -> functionArn(resource.logicalId());
            // Locally there is one version of each function: its alias and version are the function, qualified.
            case "AWS::Serverless::Function.Alias" -> functionArn(resource.logicalId()) + ":live";
            case "AWS::Serverless::Function.Version" -> functionArn(resource.logicalId()) + ":1";
            case "AWS::Serverless::HttpApi.ApiEndpoint", "AWS::ApiGatewayV2::Api.ApiEndpoint" -> apiEndpoint(resource);
            case "AWS::ApiGatewayV2::Api.ApiId" -> apiId(resource);
            default -> {
                if (attribute.equals("Arn")) yield arn(type.split("::")[1].toLowerCase(Locale.ROOT), resource.logicalId());
                yield resource.logicalId() + "." + attribute;
            }
        };
    }

    /** The AWS-shaped endpoint; {@link ExecuteApiUrls} turns it into the local gateway's address. */
    private String apiEndpoint(TemplateResource api) {
        String scheme = "WEBSOCKET".equals(String.valueOf(api.properties().get("ProtocolType"))) ? "wss" : "https";
        return scheme + "://" + apiId(api) + ".execute-api." + region + ".amazonaws.com";
    }

    private static java.util.Optional<String> givenName(TemplateResource resource, String property) {
        return resource.property(property).filter(String.class::isInstance).map(String.class::cast);
    }
}
