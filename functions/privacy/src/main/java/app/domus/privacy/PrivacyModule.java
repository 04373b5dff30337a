package app.domus.privacy;

import app.domus.privacy.export.ExportStore;
import app.domus.privacy.export.S3ExportStore;
import dagger.Binds;
import dagger.Module;

/** The privacy context's ports: the exports' store is the platform's bucket. */
@Module
public interface PrivacyModule {
    @Binds
    ExportStore exports(S3ExportStore store);
}
