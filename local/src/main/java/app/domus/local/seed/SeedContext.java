package app.domus.local.seed;

import app.domus.local.Deployment;
import app.domus.local.runtime.Functions;
import app.domus.shared.config.Env;
import java.util.Map;
import java.util.function.Supplier;

/** What a {@link DemoSeeder} gets: the deployed template, the functions' environments, the API, and the demo record. */
public final class SeedContext {
    private final Deployment deployment;
    private final Functions functions;
    private final DemoData demoData;

    public SeedContext(Deployment deployment, Functions functions, DemoData demoData) {
        this.deployment = deployment;
        this.functions = functions;
        this.demoData = demoData;
    }

    /** Resolved names: {@code deployment().names().tableName(...)}, template parameters, resources. */
    public Deployment deployment() {
        return deployment;
    }

    /** The local value of {@code !Ref logicalId}: a table or bucket name, a queue URL, a topic ARN. */
    public String ref(String logicalId) {
        return deployment.names().ref(deployment.template().resource(logicalId));
    }

    /** The base URL of the HTTP API, e.g. {@code http://127.0.0.1:3000}. */
    public String httpBaseUrl() {
        return deployment.endpoints().httpUrl();
    }

    /** Whether the template declares this function (a seeder for the platform skips templates that are not it). */
    public boolean hasFunction(String functionLogicalId) {
        return functions.all().stream().anyMatch(f -> f.definition().logicalId().equals(functionLogicalId));
    }

    public Map<String, String> functionEnvironment(String functionLogicalId) {
        return functions.get(functionLogicalId).definition().environment();
    }

    /** Runs platform code with the environment the function has, so its repositories find their tables. */
    public <T> T asFunction(String functionLogicalId, Supplier<T> work) {
        return Env.with(functionEnvironment(functionLogicalId), work);
    }

    /** Where to record demo accounts, invitation codes and ids for {@code /_local/demo} and the tests. */
    public DemoData demoData() {
        return demoData;
    }
}
