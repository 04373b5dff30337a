package app.domus.listings.imports;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The CRM sources by type, on one {@link CrmHttp}. */
@Singleton
public class CrmSources {
    private final CrmHttp http;
    private final ResoWebApi reso;
    private final KyeroFeed kyero;

    @Inject
    public CrmSources(CrmHttp http) {
        this.http = http;
        this.reso = new ResoWebApi(http);
        this.kyero = new KyeroFeed(http);
    }

    public CrmSource of(CrmType type) {
        return switch (type) {
            case RESO -> reso;
            case KYERO -> kyero;
        };
    }

    public CrmHttp http() {
        return http;
    }
}
