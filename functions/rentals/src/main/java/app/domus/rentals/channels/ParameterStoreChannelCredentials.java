package app.domus.rentals.channels;

import app.domus.shared.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * {@link ChannelCredentials} as SecureString SSM parameters ({@code /<name>}), for a cloud without Secrets Manager: the
 * local cloud emulates SSM and, until it emulates Secrets Manager too, its template parameter
 * {@code ChannelCredentialsStore} says {@code ssm}.
 */
public class ParameterStoreChannelCredentials implements ChannelCredentials {
    private final Supplier<SsmClient> ssm;

    public ParameterStoreChannelCredentials(Supplier<SsmClient> ssm) {
        this.ssm = ssm;
    }

    @Override
    public void save(String name, Map<String, String> credentials) {
        ssm.get().putParameter(b -> b.name("/" + name).type(ParameterType.SECURE_STRING).value(Json.write(credentials)).overwrite(true));
    }

    @Override
    public Map<String, String> read(String name) {
        String value = ssm.get().getParameter(b -> b.name("/" + name).withDecryption(true)).parameter().value();
        return Json.MAPPER.convertValue(Json.tree(value), new TypeReference<Map<String, String>>() {});
    }
}
