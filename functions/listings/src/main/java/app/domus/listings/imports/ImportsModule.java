package app.domus.listings.imports;

import app.domus.shared.aws.AwsModule;
import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The imports' adapters: credentials in Secrets Manager, pages on SQS, CRMs over HTTPS. */
@Module
public interface ImportsModule {
    @Binds
    CrmCredentials credentials(SecretsManagerCredentials secretsManager);

    @Binds
    ImportPages pages(SqsImportPages sqs);

    @Provides @Singleton
    static CrmHttp crmHttp() {
        return CrmHttp.fromEnvironment();
    }

    @Provides @Singleton
    static SecretsManagerClient secretsManager(SdkHttpClient http) {
        return SecretsManagerClient.builder().httpClient(http).overrideConfiguration(AwsModule.overrides()).build();
    }
}
