package app.domus.local;

import app.domus.local.aws.AwsSdkSettings;
import app.domus.local.aws.FaultInjectingAwsApi;
import app.domus.local.aws.LocalAwsServer;
import app.domus.local.aws.ParameterStore;
import app.domus.local.aws.SesEmulator;
import app.domus.local.aws.SsmEmulator;
import app.domus.local.console.LocalConsole;
import app.domus.local.console.Outbox;
import app.domus.local.console.PublishedEvents;
import app.domus.local.console.QueueInspector;
import app.domus.local.console.Outages;
import app.domus.local.dynamodb.StreamEventSource;
import app.domus.local.dynamodb.TableProvisioner;
import app.domus.local.http.HttpApiGateway;
import app.domus.local.http.HttpRoutes;
import app.domus.local.iot.DeviceAuthorizer;
import app.domus.local.iot.IotDataEmulator;
import app.domus.local.iot.IotRules;
import app.domus.local.iot.simulator.MeterSimulator;
import app.domus.local.partners.PartnerDoubles;
import app.domus.local.partners.RentalPartnersWiring;
import app.domus.local.partners.stripe.StripeDouble;
import app.domus.local.partners.stripe.StripePlatformWiring;
import app.domus.local.runtime.Functions;
import app.domus.local.s3.S3Emulator;
import app.domus.local.s3.S3Notifications;
import app.domus.local.schedule.Schedules;
import app.domus.local.seed.DemoAccount;
import app.domus.local.seed.DemoData;
import app.domus.local.seed.SigningKeys;
import app.domus.local.sns.SnsEmulator;
import app.domus.local.sns.TopicSubscriptions;
import app.domus.local.sqs.QueueProvisioner;
import app.domus.local.sqs.SqsEventSource;
import app.domus.local.template.Template;
import app.domus.local.template.TemplateResource;
import app.domus.local.websocket.WebSocketApi;
import app.domus.local.websocket.WebSocketGateway;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Domus's embedded local cloud: everything {@code template.yaml} declares, running in this JVM, no Docker. Start it
 * from the command line ({@link #main}) or from code and tests ({@link #start}); {@link #close()} stops it.
 */
public final class LocalCloud implements AutoCloseable {
    /**
     * Template parameters whose production value makes no sense on one machine (e.g. {@code AiProvider=aws}), with the
     * value the local cloud runs them with; listed in {@code local-parameters.properties}, overridable by --parameter.
     */
    private static final Map<String, String> LOCAL_PARAMETER_DEFAULTS = localParameterDefaults();

    private static Map<String, String> localParameterDefaults() {
        java.util.Properties properties = new java.util.Properties();
        try (var in = LocalCloud.class.getResourceAsStream("/local-parameters.properties")) {
            if (in != null) properties.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(name -> defaults.put(name, properties.getProperty(name)));
        return defaults;
    }

    /** Template parameter that is the JWT issuer; locally, the HTTP API itself. */
    static final String PUBLIC_BASE_URL_PARAMETER = "PublicBaseUrl";
    /** Template parameter naming the SSM parameter that holds the platform's JWT signing keys. */
    static final String SIGNING_KEYS_PARAMETER = "SigningKeysParameter";
    private static final Duration DEMO_TOKEN_VALIDITY = Duration.ofHours(12);
    /** {@code -Ddomus.local.startupTrace=true}: how long each step of {@link #start} took, on standard error. */
    private static final StartupTrace TRACE = new StartupTrace(Boolean.getBoolean("domus.local.startupTrace"));

    private final LocalCloudOptions options;
    private final LocalEndpoints endpoints;
    private final DataDirectory data;
    private final Deployment deployment;
    private final DemoData demoData;
    private final SigningKeys signingKeys;
    private final PartnerDoubles partners;
    private final Functions functions;
    private final Closer running;
    private final Duration startupTime;

    private LocalCloud(LocalCloudOptions options, LocalEndpoints endpoints, DataDirectory data, Deployment deployment, DemoData demoData,
                       SigningKeys signingKeys, PartnerDoubles partners, Functions functions, Closer running, Duration startupTime) {
        this.functions = functions;
        this.options = options;
        this.endpoints = endpoints;
        this.data = data;
        this.deployment = deployment;
        this.demoData = demoData;
        this.signingKeys = signingKeys;
        this.partners = partners;
        this.running = running;
        this.startupTime = startupTime;
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("log4j2.configurationFile") == null) System.setProperty("log4j2.configurationFile", "domus-local-log4j2.xml");
        LocalCloudOptions options;
        try {
            if (List.of(args).contains("--help")) {
                System.out.println(CommandLine.USAGE);
                return;
            }
            options = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n\n" + CommandLine.USAGE);
            System.exit(2);
            return;
        }
        LocalCloud cloud = start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the Domus local cloud...");
            cloud.close();
        }, "local-cloud-shutdown"));
        System.out.println(new Banner(cloud).text());
        new CountDownLatch(1).await();
    }

    public static LocalCloud start(LocalCloudOptions options) throws Exception {
        Instant started = Instant.now();
        TRACE.restart();
        // No X-Ray daemon here: the SDK calls of the functions and of the local cloud itself run outside any segment.
        app.domus.shared.observability.Tracing.ignoreMissingContextByDefault();
        Template template = Template.load(options.template());
        DataDirectory data = DataDirectory.open(options.dataDirectory(), options.fresh());
        TRACE.mark("template");
        LocalEndpoints endpoints = LocalEndpoints.allocate(options);
        Closer running = new Closer();
        try {
            AwsSdkSettings sdk = running.add(AwsSdkSettings.apply(endpoints, options.region()));
            app.domus.local.runtime.FunctionLogCapture.install();
            Outbox outbox = new Outbox(data.outbox());
            PublishedEvents publishedEvents = new PublishedEvents();
            Outages outages = new Outages();
            app.domus.local.faults.FaultInjector faults = new app.domus.local.faults.FaultInjector();
            ParameterStore parameters = new ParameterStore(data.parameters());
            PartnerDoubles partners = running.add(PartnerDoubles.start(template, data.partners(), outbox, faults));
            TRACE.mark("partners");
            Deployment deployment = new Deployment(template, parameterOverrides(template, options, partners, endpoints), endpoints,
                    options.region(), sdk.sqsEndpoint());
            // A double's context has neither the HTTP API's address nor the SSM store: the Stripe double gets both here.
            StripePlatformWiring.connect(partners.baseUrls().get(StripeDouble.NAME), endpoints.httpUrl(), deployment::parameter, parameters);
            app.domus.local.aws.SecretStore secrets = new app.domus.local.aws.SecretStore(data.secrets());
            RentalPartnersWiring.connect(partners.baseUrls(), deployment::parameter, secrets, options.region());
            app.domus.local.partners.oidc.OidcPlatformWiring.connect(partners.baseUrls(), deployment::parameter, secrets);
            app.domus.local.partners.calendar.CalendarPlatformWiring.connect(partners.baseUrls(), deployment::parameter, secrets, options.region());

            Functions functions = running.add(new Functions(deployment.functions()));
            TRACE.mark("deployment");
            SqsClient sqs = running.add(SqsClient.builder().region(Region.of(options.region())).endpointOverride(URI.create(sdk.sqsEndpoint()))
                    .httpClient(UrlConnectionHttpClient.create()).overrideConfiguration(LocalCloud::internalCaller).build());
            DynamoDbClient dynamoDb = running.add(DynamoDbClient.builder().region(Region.of(options.region()))
                    .endpointOverride(URI.create(sdk.dynamoDbEndpoint())).httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(LocalCloud::internalCaller).build());
            IotRules iotRules = running.add(new IotRules(deployment, functions, sqs));
            S3Notifications s3Notifications = new S3Notifications(deployment.functionEvents("S3"), functions, options.region());

            Emulators emulators = running.add(Emulators.start(data, endpoints, options.region(), sdk, s3Notifications, iotRules, faults,
                    DeviceAuthorizer.from(deployment, functions)));
            TRACE.mark("emulators");
            provision(deployment, dynamoDb, sqs, emulators.s3());
            TRACE.mark("provision");

            SigningKeys signingKeys = template.parameters().containsKey(SIGNING_KEYS_PARAMETER)
                    ? SigningKeys.ensure(parameters, String.valueOf(deployment.parameter(SIGNING_KEYS_PARAMETER)))
                    : null;

            LocalAwsServer aws = running.add(new LocalAwsServer(endpoints.awsPort()));
            aws.register("sns", FaultInjectingAwsApi.sns(faults,
                    new SnsEmulator(new TopicSubscriptions(deployment), sqs, sdk.sqsEndpoint(), functions, outbox, publishedEvents, outages, options.region())));
            aws.register("ses", FaultInjectingAwsApi.ses(faults, new SesEmulator(outbox)));
            aws.register("ssm", FaultInjectingAwsApi.ssm(faults, new SsmEmulator(parameters, secrets, options.region())));
            aws.register("secretsmanager", FaultInjectingAwsApi.secretsManager(faults, new app.domus.local.aws.SecretsManagerEmulator(secrets, options.region())));
            aws.register("kms", FaultInjectingAwsApi.kms(faults, new app.domus.local.aws.KmsEmulator(data.kmsRootKey(), options.region())));
            aws.register("iotdata", new IotDataEmulator(emulators.mqtt()));
            Optional<WebSocketApi> webSocketApi = WebSocketApi.from(deployment);
            if (webSocketApi.isPresent()) {
                WebSocketGateway webSocket = running.add(new WebSocketGateway(webSocketApi.get(), functions, endpoints.webSocketPort(), options.region()));
                webSocket.start();
                aws.registerConnectionsApi(webSocket.connectionsApi());
            }
            aws.start();
            TRACE.mark("aws");

            List<SqsEventSource> eventSources = sqsEventSources(deployment, functions, sqs, sdk.sqsEndpoint(), running);
            DynamoDbStreamsClient dynamoDbStreams = running.add(DynamoDbStreamsClient.builder().region(Region.of(options.region()))
                    .endpointOverride(URI.create(sdk.dynamoDbEndpoint())).httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(LocalCloud::internalCaller).build());
            List<StreamEventSource> streamSources = streamEventSources(deployment, functions, dynamoDb, dynamoDbStreams, sqs,
                    sdk.sqsEndpoint(), data.streams(), running);
            TRACE.mark("event sources");
            Schedules schedules = running.add(new Schedules(
                    concat(deployment.functionEvents("Schedule"), deployment.functionEvents("ScheduleV2")), functions, options.region()));
            DemoData demoData = DemoData.load(data.demoData());
            HttpRoutes routes = new HttpRoutes(deployment);
            JwtSettings jwt = JwtSettings.of(deployment);
            app.domus.local.console.ConsoleFeed feed = running.add(new app.domus.local.console.ConsoleFeed());
            // A queue's function handling a message that an event became: the event's consumer outcome, live on the console.
            eventSources.forEach(source -> source.onOutcome((messageId, function, error) -> {
                if (publishedEvents.consumed(messageId, function, error)) feed.publish("delivery", java.util.Map.of("queueMessageId", messageId));
            }));
            LocalConsole console = new LocalConsole(outbox, publishedEvents, demoData,
                    account -> signingKeys == null || jwt == null ? null : signingKeys.mint(account.tokenClaims(), jwt.issuer(), jwt.audiences(), DEMO_TOKEN_VALIDITY),
                    schedules, new QueueInspector(deployment, sqs, eventSources),
                    new Health(endpoints, functions, webSocketApi.isPresent())::report, functions.all(), routes.all(), template.directory(), endpointList(endpoints), outages, faults,
                    running.add(new MeterSimulator(endpoints.mqttUrl())), feed);
            HttpApiGateway http = running.add(new HttpApiGateway(endpoints.httpPort(), deployment, routes, functions, console));
            http.start();
            TRACE.mark("http");

            eventSources.forEach(SqsEventSource::start);
            streamSources.forEach(StreamEventSource::start);
            if (options.runSchedules()) schedules.start();
            TRACE.mark("pollers");

            if (options.seedDemoData() && !data.seeded()) new DemoSeeding(deployment, functions, demoData, data).run();
            TRACE.mark("seeding");
            return new LocalCloud(options, endpoints, data, deployment, demoData, signingKeys, partners, functions, running,
                    Duration.between(started, Instant.now()));
        } catch (Exception | Error e) {
            running.close();
            throw e;
        }
    }

    /**
     * The local cloud's own SDK calls (provisioning, the event source pollers, the console) are AWS's machinery, not the
     * platform's: marked, they pass the fault switch.
     */
    private static void internalCaller(software.amazon.awssdk.core.client.config.ClientOverrideConfiguration.Builder override) {
        override.putHeader(app.domus.local.faults.FaultInjector.INTERNAL_CALLER_HEADER, "true");
    }

    /** The options with every port as actually bound: start the same local cloud again with these. */
    public LocalCloudOptions options() {
        return options.withHttpPort(endpoints.httpPort()).withWebSocketPort(endpoints.webSocketPort()).withMqttPort(endpoints.mqttPort())
                .withAwsPort(endpoints.awsPort()).withDynamoDbPort(endpoints.dynamoDbPort()).withSqsPort(endpoints.sqsPort())
                .withS3Port(endpoints.s3Port()).withDataDirectory(data.root()).withFresh(false);
    }

    public LocalEndpoints endpoints() {
        return endpoints;
    }

    public Deployment deployment() {
        return deployment;
    }

    public DemoData demoData() {
        return demoData;
    }

    /** Every deployed function, as the local cloud runs it. */
    public Functions functions() {
        return functions;
    }

    /** Base URLs of the partner doubles that were started, by name. */
    public Map<String, String> partnerDoubles() {
        return partners.baseUrls();
    }

    /** From the call to {@link #start} until everything was up and seeded. */
    public Duration startupTime() {
        return startupTime;
    }

    /**
     * A bearer token the HTTP API's JWT authorizer accepts, signed with the platform's keys, carrying {@code claims}
     * plus issuer, audience and validity.
     */
    public String mintToken(Map<String, Object> claims) {
        JwtSettings jwt = JwtSettings.of(deployment);
        if (signingKeys == null || jwt == null) throw new IllegalStateException("The template has no JWT authorizer or no " + SIGNING_KEYS_PARAMETER + " parameter");
        return signingKeys.mint(claims, jwt.issuer(), jwt.audiences(), DEMO_TOKEN_VALIDITY);
    }

    /** A token for a demo account, as {@link #mintToken} with the account's claims. */
    public String tokenFor(DemoAccount account) {
        return mintToken(account.tokenClaims());
    }

    @Override
    public void close() {
        running.close();
    }

    private static Map<String, String> parameterOverrides(Template template, LocalCloudOptions options, PartnerDoubles partners, LocalEndpoints endpoints) {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (template.parameters().containsKey(PUBLIC_BASE_URL_PARAMETER)) overrides.put(PUBLIC_BASE_URL_PARAMETER, endpoints.httpUrl());
        LOCAL_PARAMETER_DEFAULTS.forEach((name, value) -> {
            if (template.parameters().containsKey(name)) overrides.put(name, value);
        });
        overrides.putAll(partners.parameterOverrides());
        overrides.putAll(options.parameterOverrides());
        return overrides;
    }

    private static void provision(Deployment deployment, DynamoDbClient dynamoDb, SqsClient sqs, S3Emulator s3) throws Exception {
        try (ExecutorService provisioning = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> tables = provisioning.submit(() -> StartupTrace.timed("tables", () -> { new TableProvisioner(dynamoDb).provision(deployment); return null; }));
            Future<?> queues = provisioning.submit(() -> StartupTrace.timed("queues", () -> { new QueueProvisioner(sqs).provision(deployment); return null; }));
            for (TemplateResource bucket : deployment.resources("AWS::S3::Bucket")) s3.createBucket(deployment.names().bucketName(bucket));
            tables.get();
            queues.get();
        }
    }

    private static List<SqsEventSource> sqsEventSources(Deployment deployment, Functions functions, SqsClient sqs, String sqsEndpoint, Closer running) {
        List<SqsEventSource> sources = new ArrayList<>();
        for (FunctionEvent event : deployment.functionEvents("SQS")) {
            String queueArn = event.string("Queue");
            String queueName = queueArn.substring(queueArn.lastIndexOf(':') + 1);
            int batchSize = event.string("BatchSize") == null ? 10 : Integer.parseInt(event.string("BatchSize"));
            boolean reportFailures = event.properties().get("FunctionResponseTypes") instanceof List<?> types && types.contains("ReportBatchItemFailures");
            if ("false".equals(event.string("Enabled"))) continue;
            int window = event.string("MaximumBatchingWindowInSeconds") == null ? 0 : Integer.parseInt(event.string("MaximumBatchingWindowInSeconds"));
            int concurrency = event.properties().get("ScalingConfig") instanceof Map<?, ?> scaling && scaling.get("MaximumConcurrency") != null
                    ? Math.min(Integer.parseInt(String.valueOf(scaling.get("MaximumConcurrency"))), Runtime.getRuntime().availableProcessors()) : 1;
            sources.add(running.add(new SqsEventSource(queueArn, sqsEndpoint + "/" + LocalResourceNames.ACCOUNT + "/" + queueName,
                    deployment.region(), batchSize, window, concurrency, reportFailures, functions.get(event.functionLogicalId()), sqs)));
        }
        return sources;
    }

    /** Lambda's DynamoDB event source mappings: one poller per function and stream, with the template's settings. */
    private static List<StreamEventSource> streamEventSources(Deployment deployment, Functions functions, DynamoDbClient dynamoDb,
                                                              DynamoDbStreamsClient streams, SqsClient sqs, String sqsEndpoint,
                                                              java.nio.file.Path checkpoints, Closer running) {
        List<StreamEventSource> sources = new ArrayList<>();
        for (FunctionEvent event : deployment.functionEvents("DynamoDB")) {
            if ("false".equals(event.string("Enabled"))) continue;
            String streamArn = event.string("Stream");
            int table = streamArn.indexOf(":table/");
            int stream = streamArn.indexOf("/stream/");
            if (table < 0 || stream < 0) throw new IllegalArgumentException("Not a DynamoDB stream ARN: " + streamArn);
            String tableName = streamArn.substring(table + ":table/".length(), stream);
            Object onFailure = event.map("DestinationConfig").get("OnFailure");
            String failureQueueArn = onFailure instanceof Map<?, ?> destination && destination.get("Destination") != null
                    ? String.valueOf(destination.get("Destination")) : null;
            String failureQueueUrl = failureQueueArn == null ? null
                    : sqsEndpoint + "/" + LocalResourceNames.ACCOUNT + "/" + failureQueueArn.substring(failureQueueArn.lastIndexOf(':') + 1);
            var settings = new StreamEventSource.Settings(tableName,
                    event.string("StartingPosition") == null ? "LATEST" : event.string("StartingPosition"),
                    event.string("BatchSize") == null ? 100 : Integer.parseInt(event.string("BatchSize")),
                    event.string("MaximumRetryAttempts") == null ? -1 : Integer.parseInt(event.string("MaximumRetryAttempts")),
                    Boolean.parseBoolean(event.string("BisectBatchOnFunctionError")),
                    event.properties().get("FunctionResponseTypes") instanceof List<?> types && types.contains("ReportBatchItemFailures"),
                    failureQueueUrl, filters(event));
            sources.add(running.add(new StreamEventSource(settings, deployment.region(), functions.get(event.functionLogicalId()),
                    dynamoDb, streams, sqs, checkpoints.resolve(event.functionLogicalId() + "-" + event.name() + ".json"))));
        }
        return sources;
    }

    /** A mapping's {@code FilterCriteria.Filters[].Pattern}: Lambda's event filtering, the same pattern syntax as SNS bodies. */
    private static List<app.domus.local.sns.FilterPolicy> filters(FunctionEvent event) {
        List<app.domus.local.sns.FilterPolicy> filters = new ArrayList<>();
        if (event.map("FilterCriteria").get("Filters") instanceof List<?> list) {
            for (Object filter : list) {
                if (filter instanceof Map<?, ?> entry && entry.get("Pattern") != null) {
                    filters.add(app.domus.local.sns.FilterPolicy.parse(String.valueOf(entry.get("Pattern")), true));
                }
            }
        }
        return filters;
    }

    private static List<FunctionEvent> concat(List<FunctionEvent> first, List<FunctionEvent> second) {
        List<FunctionEvent> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static Map<String, String> endpointList(LocalEndpoints endpoints) {
        Map<String, String> list = new LinkedHashMap<>();
        list.put("http", endpoints.httpUrl());
        list.put("console", endpoints.httpUrl() + "/_local/");
        list.put("websocket", endpoints.webSocketUrl());
        list.put("mqtt", endpoints.mqttUrl());
        list.put("dynamodb", endpoints.dynamoDbUrl());
        list.put("sqs", endpoints.sqsUrl());
        list.put("s3", endpoints.s3Url());
        list.put("sns, ses, ssm, iot-data, @connections", endpoints.awsUrl());
        return list;
    }

    /** The JWT authorizer's issuer and audiences: what a token must carry to be accepted. */
    record JwtSettings(String issuer, List<String> audiences) {
        static JwtSettings of(Deployment deployment) {
            for (TemplateResource api : deployment.resources("AWS::Serverless::HttpApi")) {
                if (!(deployment.properties(api).get("Auth") instanceof Map<?, ?> auth) || !(auth.get("Authorizers") instanceof Map<?, ?> authorizers)) continue;
                for (Object definition : authorizers.values()) {
                    if (definition instanceof Map<?, ?> fields && fields.get("JwtConfiguration") instanceof Map<?, ?> jwt) {
                        Object audience = jwt.get("audience");
                        return new JwtSettings(String.valueOf(jwt.get("issuer")),
                                audience instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(audience)));
                    }
                }
            }
            return null;
        }
    }
}
