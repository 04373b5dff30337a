package app.domus.shared.aws;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 client and presigner, for the components of contexts that keep files (their pom declares
 * {@code software.amazon.awssdk:s3}; the kernel's is optional).
 */
@Module
public final class S3Module {
    private S3Module() {}

    @Provides @Singleton
    static S3Client s3(SdkHttpClient http) {
        return S3Client.builder().httpClient(http).overrideConfiguration(AwsModule.overrides())
                .forcePathStyle(S3Paths.forcePathStyle()).build();
    }

    @Provides @Singleton
    static S3Presigner presigner() {
        return S3Presigner.builder()
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(S3Paths.forcePathStyle()).build())
                .build();
    }
}
