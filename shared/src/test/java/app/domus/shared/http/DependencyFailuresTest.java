package app.domus.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.sns.model.SnsException;

/** What an AWS failure that reached the HTTP pipeline becomes. */
class DependencyFailuresTest {
    static class ThrottledHandler extends HttpHandler {
        @Override
        protected HttpResponse handle(HttpRequest request) {
            throw ProvisionedThroughputExceededException.builder().statusCode(400).message("table arn:aws:dynamodb:eu-central-1:1234:table/Domus")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build();
        }
    }

    @Test
    void theHttpPipelineAnswersAThrottledTableWithA503ProblemAndRetryAfterLeakingNothing() {
        var response = new ThrottledHandler().handleRequest(app.domus.shared.testing.HttpEvents.request("GET", "/things").build(),
                new app.domus.shared.testing.TestContext());
        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json").containsEntry("Retry-After", "1");
        var problem = app.domus.shared.json.Json.tree(response.getBody());
        assertThat(problem.path("type").asText()).endsWith("/unavailable");
        assertThat(response.getBody()).doesNotContain("arn:aws", "ProvisionedThroughput", "Exception");
    }

    @Test
    void throttlingFiveHundredsAndTimeoutsAreA503WithRetryAfter() {
        for (RuntimeException failure : new RuntimeException[] {
                ProvisionedThroughputExceededException.builder().statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build(),
                DynamoDbException.builder().statusCode(500).awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError").build()).build(),
                SnsException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder().errorCode("Throttling").build()).build(),
                ApiCallTimeoutException.create(8000),
                new IllegalStateException("wrapped", TransactionCanceledException.builder()
                        .cancellationReasons(CancellationReason.builder().code("TransactionConflict").build(), CancellationReason.builder().code("None").build())
                        .build())}) {
            ApiException problem = DependencyFailures.problem(failure).orElseThrow();
            assertThat(problem.type()).as(failure.toString()).isEqualTo(ProblemType.UNAVAILABLE);
            assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(1));
            assertThat(problem.detail()).doesNotContain("Exception", "Throttling", "Dynamo");
        }
    }

    @Test
    void aLostConditionIsAConflict() {
        assertThat(DependencyFailures.problem(ConditionalCheckFailedException.builder().message("The conditional request failed").build())
                .orElseThrow().type()).isEqualTo(ProblemType.CONFLICT);
        assertThat(DependencyFailures.problem(TransactionCanceledException.builder()
                .cancellationReasons(CancellationReason.builder().code("None").build(), CancellationReason.builder().code("ConditionalCheckFailed").build())
                .build()).orElseThrow().type()).isEqualTo(ProblemType.CONFLICT);
    }

    @Test
    void anotherRefusalIsA503WithoutRetryAfterAndOtherFailuresAreNotDependencies() {
        ApiException refused = DependencyFailures.problem(DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build()).build()).orElseThrow();
        assertThat(refused.type()).isEqualTo(ProblemType.UNAVAILABLE);
        assertThat(refused.retryAfter()).isNull();
        assertThat(DependencyFailures.problem(new IllegalStateException("a bug"))).isEmpty();
    }
}
