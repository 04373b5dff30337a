package app.domus.shared.ai;

import app.domus.shared.json.Json;
import app.domus.shared.observability.Observability;
import app.domus.shared.persistence.DomusTable;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way every context runs an AI task. For each run: the organisation's switch for the task's agent is read (off:
 * {@link AiAgentOff}, logged); the result is served from the cache when the same input was answered within the task's
 * lifetime; otherwise the task's providers are tried in order (e.g. a Bedrock model, a second Bedrock model, the local
 * model), each behind its own circuit breaker, transient and throttled failures retried with jittered backoff, an
 * unavailable provider failed over, invalid input and refused content ending the run. Every run is logged
 * ({@link AiRunItem}: task, input hash, provider, model, status, latency, tokens, cost, attempts) and counted in the
 * metrics.
 */
public class AiGateway {
    private static final Logger LOG = LoggerFactory.getLogger(AiGateway.class);
    static final int ATTEMPTS_PER_PROVIDER = 2;
    static final Duration KEEP_RUNS = Duration.ofDays(90);

    /** Waits between attempts; tests wait for nothing. */
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /** What a run gave, and where from. */
    public record Result<O>(O output, String runId, String provider, String model, boolean cached) {}

    private final DomusTable table;
    private final Clock clock;
    private final Pause pause;
    private final CircuitBreakerRegistry breakers;

    @jakarta.inject.Inject
    public AiGateway(DomusTable table, Clock clock) {
        this(table, clock, d -> TimeUnit.MILLISECONDS.sleep(d.toMillis()), breakerSettings());
    }

    public AiGateway(DomusTable table, Clock clock, Pause pause, CircuitBreakerConfig breaker) {
        this.table = table;
        this.clock = clock;
        this.pause = pause;
        this.breakers = CircuitBreakerRegistry.of(breaker);
    }

    /** Half of the last ten calls to a provider failing (five at least) opens its breaker for 30 s; then three trials decide. */
    public static CircuitBreakerConfig breakerSettings() {
        return CircuitBreakerConfig.custom().slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30)).permittedNumberOfCallsInHalfOpenState(3).build();
    }

    public <I, O> Result<O> run(AiTask task, String organisationId, I input, Class<O> outputType, List<? extends AiProvider<I, O>> chain) {
        if (chain.isEmpty()) throw new IllegalArgumentException("No provider for " + task.wire());
        String inputHash = hash(task, input);
        AiRunItem run = started(task, organisationId, inputHash);
        long begun = System.nanoTime();
        Observability.count("AiRuns", "Task", task.wire());
        if (!enabled(organisationId, task)) {
            finish(run, begun, AiRunItem.FAILED, null, null, false, null, "agent-off", "the agent is switched off");
            throw new AiAgentOff(task, organisationId);
        }
        Optional<O> cached = cached(task, inputHash, outputType);
        if (cached.isPresent()) {
            AiCacheItem entry = table.get(AiCacheItem.class, AiCacheItem.pk(task, inputHash), AiCacheItem.SK).orElseThrow();
            Observability.count("AiCacheHits", "Task", task.wire());
            finish(run, begun, AiRunItem.DONE, entry.getProvider(), entry.getModel(), true, null, null, null);
            return new Result<>(cached.get(), run.getRunId(), entry.getProvider(), entry.getModel(), true);
        }
        AiFailure last = null;
        for (AiProvider<I, O> provider : chain) {
            CircuitBreaker breaker = breakers.circuitBreaker(provider.name() + ":" + provider.model());
            for (int attempt = 1; attempt <= ATTEMPTS_PER_PROVIDER; attempt++) {
                if (!breaker.tryAcquirePermission()) {
                    run.getAttempts().add(provider.name() + ":breaker-open");
                    last = new AiFailure(AiFailure.Category.UNAVAILABLE, provider.name() + "'s circuit breaker is open");
                    break;
                }
                long callStart = System.nanoTime();
                try {
                    AiProvider.Answer<O> answer = provider.run(input);
                    breaker.onSuccess(System.nanoTime() - callStart, TimeUnit.NANOSECONDS);
                    run.getAttempts().add(provider.name() + ":ok");
                    if (provider != chain.getFirst()) Observability.count("AiFallbacks", "Task", task.wire());
                    remember(task, inputHash, answer.output(), provider);
                    finish(run, begun, AiRunItem.DONE, provider.name(), provider.model(), false, answer, null, null);
                    return new Result<>(answer.output(), run.getRunId(), provider.name(), provider.model(), false);
                } catch (RuntimeException e) {
                    AiFailure failure = AiFailure.categorise(e);
                    if (failure.failsOver()) breaker.onError(System.nanoTime() - callStart, TimeUnit.NANOSECONDS, failure);
                    else breaker.releasePermission(); // the input's fault, not the provider's
                    run.getAttempts().add(provider.name() + ":" + failure.category().name().toLowerCase());
                    LOG.warn("AI task {} on {} ({}) failed, attempt {}: {} {}", task.wire(), provider.name(), provider.model(), attempt,
                            failure.category(), failure.getMessage());
                    last = failure;
                    if (!failure.failsOver()) {
                        fail(run, begun, failure);
                        throw failure;
                    }
                    if (!failure.retryable() || attempt == ATTEMPTS_PER_PROVIDER) break;
                    backOff(failure);
                }
            }
        }
        AiFailure exhausted = new AiFailure(last == null ? AiFailure.Category.UNAVAILABLE : last.category(),
                "Every provider of " + task.wire() + " failed: " + String.join(", ", run.getAttempts()), last);
        fail(run, begun, exhausted);
        throw exhausted;
    }

    // ---- agents ----------------------------------------------------------------------------------------------------

    public boolean enabled(String organisationId, AiTask task) {
        return table.get(AgentSettingItem.class, AgentSettingItem.pk(organisationId), AgentSettingItem.sk(task))
                .map(s -> !Boolean.FALSE.equals(s.getEnabled())).orElse(true);
    }

    public AgentSettingItem switchAgent(String organisationId, AiTask task, boolean enabled, String by) {
        AgentSettingItem item = table.get(AgentSettingItem.class, AgentSettingItem.pk(organisationId), AgentSettingItem.sk(task))
                .orElseGet(AgentSettingItem::new);
        item.setPk(AgentSettingItem.pk(organisationId));
        item.setSk(AgentSettingItem.sk(task));
        item.setOrganisationId(organisationId);
        item.setTask(task.wire());
        item.setEnabled(enabled);
        item.setUpdatedAt(clock.instant().toString());
        item.setUpdatedBy(by);
        if (item.getVersion() == null) table.of(AgentSettingItem.class).putItem(item);
        else table.of(AgentSettingItem.class).updateItem(item);
        return item;
    }

    // ---- the log and the cache ---------------------------------------------------------------------------------------

    private AiRunItem started(AiTask task, String organisationId, String inputHash) {
        Instant now = clock.instant();
        AiRunItem run = new AiRunItem();
        run.setRunId(app.domus.shared.ids.Ids.newId());
        run.setPk(AiRunItem.pk(organisationId));
        run.setSk(AiRunItem.SK_PREFIX + now + "#" + run.getRunId());
        run.setOrganisationId(organisationId);
        run.setTask(task.wire());
        run.setInputHash(inputHash);
        run.setStatus(AiRunItem.RUNNING);
        run.setStartedAt(now.toString());
        run.setAttempts(new ArrayList<>());
        run.setTtl(now.plus(KEEP_RUNS).getEpochSecond());
        table.of(AiRunItem.class).putItem(run);
        run.setVersion(1L);
        return run;
    }

    private void fail(AiRunItem run, long begun, AiFailure failure) {
        Observability.count("AiFailures", "Category", failure.category().name());
        finish(run, begun, AiRunItem.FAILED, null, null, false, null, failure.category().name().toLowerCase(), failure.getMessage());
    }

    private void finish(AiRunItem run, long begun, String status, String provider, String model, boolean cached, AiProvider.Answer<?> answer,
                        String errorCategory, String error) {
        run.setStatus(status);
        run.setProvider(provider);
        run.setModel(model);
        run.setCached(cached);
        run.setEndedAt(clock.instant().toString());
        run.setLatencyMs(Duration.ofNanos(System.nanoTime() - begun).toMillis());
        if (answer != null) {
            run.setInputTokens(answer.inputTokens());
            run.setOutputTokens(answer.outputTokens());
            run.setCostMicros(answer.costMicros());
        }
        run.setErrorCategory(errorCategory);
        run.setError(error == null ? null : error.length() > 500 ? error.substring(0, 500) : error);
        try {
            table.of(AiRunItem.class).updateItem(run);
            run.setVersion(run.getVersion() + 1);
        } catch (RuntimeException e) {
            // The log must not cost the caller its answer; the run stays "running" in the log, and the error is loud here.
            LOG.error("The AI run {} could not be logged as {}", run.getRunId(), status, e);
        }
    }

    private <O> Optional<O> cached(AiTask task, String inputHash, Class<O> outputType) {
        if (task.cacheFor().isZero()) return Optional.empty();
        return table.get(AiCacheItem.class, AiCacheItem.pk(task, inputHash), AiCacheItem.SK)
                .filter(c -> Instant.parse(c.getExpiresAt()).isAfter(clock.instant()))
                .map(c -> Json.read(c.getOutput(), outputType));
    }

    private <O> void remember(AiTask task, String inputHash, O output, AiProvider<?, ?> provider) {
        if (task.cacheFor().isZero()) return;
        Instant now = clock.instant();
        AiCacheItem item = new AiCacheItem();
        item.setPk(AiCacheItem.pk(task, inputHash));
        item.setSk(AiCacheItem.SK);
        item.setTask(task.wire());
        item.setInputHash(inputHash);
        item.setOutput(Json.write(output));
        item.setProvider(provider.name());
        item.setModel(provider.model());
        item.setCreatedAt(now.toString());
        item.setExpiresAt(now.plus(task.cacheFor()).toString());
        item.setTtl(now.plus(task.cacheFor()).getEpochSecond());
        try {
            // An expired entry (the TTL deletes it only eventually) is replaced at its version; a concurrent run's answer
            // for the same input is as good as this one, so losing that race is fine.
            Optional<AiCacheItem> expired = table.get(AiCacheItem.class, item.getPk(), AiCacheItem.SK);
            if (expired.isPresent()) {
                item.setVersion(expired.get().getVersion());
                table.of(AiCacheItem.class).updateItem(item);
            } else {
                table.of(AiCacheItem.class).putItem(item);
            }
        } catch (RuntimeException e) {
            LOG.warn("AI result of {} not cached: {}", task.wire(), e.toString());
        }
    }

    private void backOff(AiFailure failure) {
        long base = failure.category() == AiFailure.Category.THROTTLED ? 500 : 100;
        try {
            pause.pause(Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base + 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    /** SHA-256 of the task and its input's JSON: the cache key and what the log records instead of the input. */
    static String hash(AiTask task, Object input) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((task.wire() + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(Json.write(input).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
