package app.domus.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.testing.TestPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** The knowledge's files are objects of the platform's private bucket, under their keys. */
class S3KnowledgeFilesTest {
    final Map<String, byte[]> objects = new TreeMap<>();
    final List<String> types = new ArrayList<>();
    final S3Client s3 = new S3Client() {
        @Override
        public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
            try (var in = body.contentStreamProvider().newStream()) {
                objects.put(request.bucket() + "/" + request.key(), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            types.add(request.contentType());
            return PutObjectResponse.builder().build();
        }

        @Override
        public ResponseBytes<GetObjectResponse> getObjectAsBytes(GetObjectRequest request) {
            return ResponseBytes.fromByteArray(GetObjectResponse.builder().build(), objects.get(request.bucket() + "/" + request.key()));
        }

        @Override
        public DeleteObjectResponse deleteObject(DeleteObjectRequest request) {
            objects.remove(request.bucket() + "/" + request.key());
            return DeleteObjectResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "s3";
        }

        @Override
        public void close() {}
    };

    @Test
    void aFileIsPutReadAndDeletedInThePrivateBucket() {
        S3KnowledgeFiles files = new S3KnowledgeFiles(s3, TestPlatform.config(Map.of("PHOTOS_BUCKET", "private")));
        files.put("knowledge/o/b/documents/d.txt", "Dogs on a lead.".getBytes(), "text/plain; charset=utf-8");
        assertThat(objects).containsOnlyKeys("private/knowledge/o/b/documents/d.txt");
        assertThat(types).containsExactly("text/plain; charset=utf-8");
        assertThat(files.get("knowledge/o/b/documents/d.txt")).isEqualTo("Dogs on a lead.".getBytes());
        files.delete("knowledge/o/b/documents/d.txt");
        assertThat(objects).isEmpty();
    }
}
