package app.domus.local.faults;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * The local cloud's fault-injection switch: per service (DynamoDB, SNS, S3, SQS, SES, SSM, KMS, Secrets Manager, a partner
 * double), at most one standing rule
 * ("throttle 30 % of the calls to TransactWriteItems", "add 200 ms to every call") that the service's front door asks
 * about each call it receives from the platform. Off by default; set from the console ({@code /_local/faults}) and from
 * tests ({@code LocalCloudClient.injectFaults}). The front doors answer an injected fault with the service's real wire
 * error, so the SDK's retries and the platform's error handling run as they do against AWS.
 */
public final class FaultInjector {
    /** Requests carrying this header come from the local cloud's own machinery (pollers, provisioning), which AWS runs itself. */
    public static final String INTERNAL_CALLER_HEADER = "X-Domus-Local-Internal";

    /** What goes wrong. */
    public enum Kind {
        /**
         * DynamoDB's ProvisionedThroughputExceededException, SNS's Throttling, SES's TooManyRequestsException, the JSON
         * services' ThrottlingException, a partner's 429: the SDK backs off and retries.
         */
        THROTTLING,
        /** A 500: InternalServerError (DynamoDB, SSM), InternalError (SNS), KMSInternalException, ..., a partner's 5xx: retried by the SDK too. */
        SERVER_ERROR,
        /** DynamoDB writes refused as if their condition failed (a TransactionCanceledException for transactions). */
        CONDITIONAL_CHECK_FAILED,
        /** DynamoDB transactions cancelled with TransactionConflict, as under contention on an item. */
        TRANSACTION_CONFLICT,
        /** The call succeeds, {@code latencyMs} late. */
        LATENCY,
        /** A partner double is down (every matching call fails with a 503); for KMS, the key is unavailable (500 KeyUnavailableException). */
        UNAVAILABLE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Kind parse(String name) {
            for (Kind kind : values()) if (kind.wireName().equals(name)) return kind;
            throw new InvalidRule("kind", "unknown kind " + name);
        }

        /** Only latency lets the call through. */
        public boolean fails() {
            return this != LATENCY;
        }
    }

    /** The DynamoDB operations a conditional write can fail on. */
    static final Set<String> DYNAMODB_CONDITIONAL_WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems");

    /**
     * A standing rule: a fault of {@code kind} on a fraction {@code rate} of the calls (to {@code operations}, or to
     * every operation when empty), each delayed {@code latencyMs} first.
     */
    public record Rule(Kind kind, double rate, long latencyMs, Set<String> operations) {
        public Rule {
            operations = Set.copyOf(operations);
        }

        /** For the JSON page: names as the API takes them. */
        public Map<String, Object> describe() {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("kind", kind.wireName());
            shown.put("rate", rate);
            shown.put("latencyMs", latencyMs);
            shown.put("operations", new TreeSet<>(operations));
            return shown;
        }
    }

    /** The fault for one call: wait {@code latencyMs}, then fail with {@code kind} unless it is {@link Kind#LATENCY}. */
    public record Fault(Kind kind, long latencyMs) {
        /** Waits out the latency; the front door then fails the call or lets it through. */
        public void pause() {
            if (latencyMs <= 0) return;
            try {
                Thread.sleep(latencyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A rule the API refuses: which member, and why (a 400 problem). */
    public static final class InvalidRule extends IllegalArgumentException {
        private final String field;

        InvalidRule(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** A service the switch does not know (a 404, or a 400 in a body). */
    public static final class UnknownService extends IllegalArgumentException {
        UnknownService(String service, Collection<String> known) {
            super("No service " + service + " to inject faults into; there are " + new TreeSet<>(known));
        }
    }

    private static final Map<String, Set<Kind>> AWS_SERVICES = Map.of(
            "dynamodb", Set.of(Kind.THROTTLING, Kind.SERVER_ERROR, Kind.CONDITIONAL_CHECK_FAILED, Kind.TRANSACTION_CONFLICT, Kind.LATENCY),
            "sns", Set.of(Kind.THROTTLING, Kind.SERVER_ERROR, Kind.LATENCY),
            "s3", Set.of(Kind.THROTTLING, Kind.SERVER_ERROR, Kind.LATENCY),
            "sqs", Set.of(Kind.THROTTLING, Kind.SERVER_ERROR, Kind.LATENCY),
            "ses", Set.of(Kind.THROTTLING, Kind.SERVER_ERROR, Kind.LATENCY),
            "ssm", Set.of(Kind.THROTTLING, Kind.SERVER_ERROR, Kind.LATENCY),
            // KMS's KeyUnavailableException: the key's backing store is out of reach, retryable, as the service documents it.
            "kms", Set.of(Kind.THROTTLING, Kind.SERVER_ERROR, Kind.UNAVAILABLE, Kind.LATENCY),
            "secretsmanager", Set.of(Kind.THROTTLING, Kind.SERVER_ERROR, Kind.LATENCY));
    private static final Set<Kind> PARTNER_KINDS = Set.of(Kind.SERVER_ERROR, Kind.UNAVAILABLE, Kind.LATENCY);
    private static final long MAX_LATENCY_MS = 60_000;

    private final Map<String, Set<Kind>> services = new ConcurrentHashMap<>(AWS_SERVICES);
    private final Map<String, Rule> rules = new ConcurrentHashMap<>();
    private final Map<String, Map<String, AtomicLong>> injected = new ConcurrentHashMap<>();
    private final DoubleSupplier random;

    public FaultInjector() {
        this(() -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random draws in [0, 1): a call gets the fault when the draw is below the rule's rate */
    public FaultInjector(DoubleSupplier random) {
        this.random = random;
    }

    /** Makes a partner double's faults settable here, by its name ({@code stripe}, {@code oidc}, ...). */
    public void registerPartner(String name) {
        services.putIfAbsent(name, PARTNER_KINDS);
    }

    /** Replaces the service's rule. */
    public Rule set(String service, Rule rule) {
        Set<Kind> kinds = kinds(service);
        if (!kinds.contains(rule.kind())) {
            throw new InvalidRule("kind", service + " takes the kinds " + wireNames(kinds) + ", not " + rule.kind().wireName());
        }
        if (!(rule.rate() >= 0 && rule.rate() <= 1)) throw new InvalidRule("rate", "rate must be between 0 and 1");
        if (rule.latencyMs() < 0 || rule.latencyMs() > MAX_LATENCY_MS) {
            throw new InvalidRule("latencyMs", "latencyMs must be between 0 and " + MAX_LATENCY_MS);
        }
        if (rule.kind() == Kind.LATENCY && rule.latencyMs() == 0) throw new InvalidRule("latencyMs", "a latency fault needs latencyMs");
        Rule effective = rule;
        if (rule.kind() == Kind.CONDITIONAL_CHECK_FAILED || rule.kind() == Kind.TRANSACTION_CONFLICT) {
            Set<String> writes = rule.kind() == Kind.TRANSACTION_CONFLICT ? Set.of("TransactWriteItems") : DYNAMODB_CONDITIONAL_WRITES;
            if (rule.operations().isEmpty()) {
                effective = new Rule(rule.kind(), rule.rate(), rule.latencyMs(), writes);
            } else if (!writes.containsAll(rule.operations())) {
                throw new InvalidRule("operations", rule.kind().wireName() + " applies to " + new TreeSet<>(writes) + " only");
            }
        }
        rules.put(service, effective);
        return effective;
    }

    /** Parses and sets a rule given as the API's JSON members ({@code kind}, {@code rate}, {@code latencyMs}, {@code operations}). */
    public Rule set(String service, Map<String, Object> members) {
        kinds(service);
        if (members == null) throw new InvalidRule("kind", "the body must be a JSON object with kind and rate");
        for (String member : members.keySet()) {
            if (!Set.of("kind", "rate", "latencyMs", "operations").contains(member)) throw new InvalidRule(member, "unknown member " + member);
        }
        if (!(members.get("kind") instanceof String kind)) throw new InvalidRule("kind", "kind is required, one of " + wireNames(kinds(service)));
        Object rate = members.getOrDefault("rate", 1.0);
        if (!(rate instanceof Number rateNumber)) throw new InvalidRule("rate", "rate must be a number between 0 and 1");
        Object latency = members.getOrDefault("latencyMs", 0);
        if (!(latency instanceof Number latencyNumber) || latencyNumber.doubleValue() != Math.rint(latencyNumber.doubleValue())) {
            throw new InvalidRule("latencyMs", "latencyMs must be a whole number of milliseconds");
        }
        Object operations = members.getOrDefault("operations", List.of());
        if (!(operations instanceof List<?> list) || list.stream().anyMatch(operation -> !(operation instanceof String name) || name.isBlank())) {
            throw new InvalidRule("operations", "operations must be a list of operation names, e.g. [\"TransactWriteItems\"]");
        }
        return set(service, new Rule(Kind.parse(kind), rateNumber.doubleValue(), latencyNumber.longValue(),
                Set.copyOf(list.stream().map(String::valueOf).toList())));
    }

    public void clear(String service) {
        kinds(service);
        rules.remove(service);
        injected.remove(service);
    }

    public void clearAll() {
        rules.clear();
        injected.clear();
    }

    /** Whether any rule is set: front doors skip their work when none is. */
    public boolean active() {
        return !rules.isEmpty();
    }

    /** The fault for this call to {@code operation} of {@code service}, if its rule picks it. */
    public Optional<Fault> decide(String service, String operation) {
        Rule rule = rules.get(service);
        if (rule == null) return Optional.empty();
        if (!rule.operations().isEmpty() && (operation == null || !rule.operations().contains(operation))) return Optional.empty();
        if (rule.rate() <= 0 || random.getAsDouble() >= rule.rate()) return Optional.empty();
        injected.computeIfAbsent(service, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(operation == null ? "" : operation, o -> new AtomicLong()).incrementAndGet();
        return Optional.of(new Fault(rule.kind(), rule.latencyMs()));
    }

    /** Every service: the kinds it takes, its rule (or null), and how many faults it got per operation. */
    public Map<String, Object> state() {
        Map<String, Object> state = new TreeMap<>();
        services.keySet().forEach(service -> state.put(service, state(service)));
        return state;
    }

    public Map<String, Object> state(String service) {
        Set<Kind> kinds = kinds(service);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("kinds", wireNames(kinds));
        Rule rule = rules.get(service);
        shown.put("rule", rule == null ? null : rule.describe());
        Map<String, Long> counts = new TreeMap<>();
        injected.getOrDefault(service, Map.of()).forEach((operation, count) -> counts.put(operation, count.get()));
        shown.put("injected", counts);
        return shown;
    }

    private Set<Kind> kinds(String service) {
        Set<Kind> kinds = service == null ? null : services.get(service);
        if (kinds == null) throw new UnknownService(service, services.keySet());
        return kinds;
    }

    private static List<String> wireNames(Set<Kind> kinds) {
        return kinds.stream().sorted().map(Kind::wireName).toList();
    }
}
