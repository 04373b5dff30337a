package app.domus.maintenance;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** Stand-ins for the AWS side of the jobs: SQS that records, S3 in a map, an HTTP client serving files by address. */
final class Doubles {
    private Doubles() {}

    static final class RecordingSqs implements SqsClient {
        final List<SendMessageRequest> sent = new ArrayList<>();
        final List<SendMessageBatchRequest> batches = new ArrayList<>();

        @Override
        public SendMessageResponse sendMessage(SendMessageRequest request) {
            sent.add(request);
            return SendMessageResponse.builder().messageId("m-" + sent.size()).build();
        }

        @Override
        public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
            batches.add(request);
            return SendMessageBatchResponse.builder().failed(List.of()).build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {}
    }

    /** A bucket's objects by key (one bucket: the store is told its name), with their content types. */
    static final class MapS3 implements S3Client {
        final Map<String, byte[]> objects = new HashMap<>();
        final Map<String, String> types = new HashMap<>();
        final List<String> buckets = new ArrayList<>();

        @Override
        public ResponseBytes<GetObjectResponse> getObjectAsBytes(GetObjectRequest request) {
            buckets.add(request.bucket());
            byte[] bytes = objects.get(request.key());
            if (bytes == null) throw NoSuchKeyException.builder().message("no " + request.key()).build();
            return ResponseBytes.fromByteArray(GetObjectResponse.builder().build(), bytes);
        }

        @Override
        public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
            buckets.add(request.bucket());
            try (var in = body.contentStreamProvider().newStream()) {
                objects.put(request.key(), in.readAllBytes());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            types.put(request.key(), request.contentType());
            return PutObjectResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "s3";
        }

        @Override
        public void close() {}
    }

    /** Answers each address with its file (200), or 404; counts the requests. */
    static final class FileServer implements SdkHttpClient {
        final Map<String, byte[]> files = new HashMap<>();
        final List<String> requested = new ArrayList<>();

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            String url = request.httpRequest().getUri().toString();
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    requested.add(url);
                    byte[] file = files.get(url);
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(file == null ? 404 : 200).build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(file == null ? new byte[0] : file)))
                            .build();
                }

                @Override
                public void abort() {}
            };
        }

        @Override
        public void close() {}
    }
}
