package dev.tracklight.local;

import dev.tracklight.core.ids.RandomIds;
import dev.tracklight.core.subscription.CarrierApiUrls;
import dev.tracklight.local.bus.EventBridgeEndpoint;
import dev.tracklight.local.bus.LocalEventBridge;
import dev.tracklight.local.gateway.HttpRoute;
import dev.tracklight.local.gateway.LocalGateway;
import dev.tracklight.local.notify.LocalMail;
import dev.tracklight.local.notify.LocalTexts;
import dev.tracklight.local.invoke.LocalFunction;
import dev.tracklight.local.runtime.Busy;
import dev.tracklight.local.queues.LocalSqs;
import dev.tracklight.local.queues.SqsEventSource;
import dev.tracklight.local.sandbox.CarrierSandbox;
import dev.tracklight.local.tables.LocalDynamoDb;
import dev.tracklight.local.tables.TemplateTables;
import dev.tracklight.local.template.CloudTemplate;
import dev.tracklight.local.template.CloudTemplate.FunctionSpec;
import dev.tracklight.local.template.Intrinsics;
import dev.tracklight.operator.LocalCloudState;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs template.yaml on one machine: DynamoDB Local, ElasticMQ, a local EventBridge, a local API
 * Gateway, SES in front of a real SMTP server and an SNS that records texts, all on 127.0.0.1, with every function running in-process as the handler class Lambda runs.
 * Functions find the stand-ins only through {@code AWS_ENDPOINT_URL_*} variables, as LocalStack or AWS
 * would give them.
 */
public final class LocalCloud implements AutoCloseable {

    public static final String ACCOUNT_ID = "000000000000";
    /** Lambda polls an SQS queue with five concurrent batches before it scales further. */
    private static final int SQS_INITIAL_CONCURRENCY = 5;
    private static final Pattern LAMBDA_URI = Pattern.compile("functions/([^/]+)/invocations");
    /** Instances of one function at once when run from zips: enough for the SQS pollers, within two cores' reach. */
    private static final int ZIP_CONCURRENCY = 3;
    private static final String CONFIGURATION_SET = "AWS::SES::ConfigurationSet";
    private static final String TOPIC = "AWS::SNS::Topic";
    private static final Pattern SECRET_REFERENCE = Pattern.compile("\\{\\{resolve:secretsmanager:([^:}]+)[^}]*}}");

    private final Options options;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, String> queueUrls = new HashMap<>();
    private final Map<String, String> queueArns = new HashMap<>();
    private final Map<String, String> busNames = new HashMap<>();
    private final Map<String, String> secrets = new HashMap<>();
    private CarrierSandbox sandbox;
    private Path lambdaWork;
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private CloudTemplate template;
    private Map<String, String> parameters;
    private LocalDynamoDb dynamo;
    private LocalSqs sqs;
    private LocalEventBridge bridge;
    private LocalMail mail;
    private LocalTexts texts;
    private final List<SqsEventSource> eventSources = new CopyOnWriteArrayList<>();
    private EventBridgeEndpoint bridgeEndpoint;
    private LocalGateway gateway;
    private DynamoDbClient dynamoClient;
    private SqsClient sqsClient;
    private String stage;
    private int gatewayPort;

    /**
     * Ports of 0 mean "any free port".
     *
     * @param dynamoDbData where DynamoDB Local keeps its tables; null keeps them in memory (faster), a folder
     *                     lets them survive {@link #dynamoDbOutage()}
     */
    public record Options(Path template, int port, int dynamoDbPort, int sqsPort, int eventBridgePort, String region, String tileUrl,
                          Path dynamoDbData, boolean fromZips) {

        public static Options defaults(Path template) {
            return new Options(template, 0, 0, 0, 0, "us-east-1", null, null, false);
        }

        public Options withDynamoDbData(Path folder) {
            return new Options(template, port, dynamoDbPort, sqsPort, eventBridgePort, region, tileUrl, folder, fromZips);
        }

        /** Every function run from its deployment zip through the Lambda runtime client, in JVMs of its own. */
        public Options runningZips() {
            return new Options(template, port, dynamoDbPort, sqsPort, eventBridgePort, region, tileUrl, dynamoDbData, true);
        }
    }

    private LocalCloud(Options options) {
        this.options = options;
    }

    public static LocalCloud start(Options options) throws IOException {
        LocalCloud cloud = new LocalCloud(options);
        try {
            cloud.boot();
            return cloud;
        } catch (RuntimeException | IOException e) {
            cloud.close();
            throw e;
        }
    }

    private void boot() throws IOException {
        template = CloudTemplate.read(options.template());
        parameters = new HashMap<>(template.parameterDefaults());
        // held until the gateway binds it: booting opens many connections, and one could take a merely chosen port
        Ports.Reservation gatewayReservation = track(Ports.reserve(options.port()));
        gatewayPort = gatewayReservation.port();
        parameters.put("PublicBaseUrl", "http://127.0.0.1:" + gatewayPort);
        // Merchants' webhook receivers here are test servers and demo sinks on 127.0.0.1.
        parameters.put("AllowPrivateWebhookDestinations", "true");
        LocalCloudState.useLocalCredentials();
        // the functions call the carriers only at the base URLs the template's parameters give: here, the sandbox
        sandbox = track(new CarrierSandbox(0));
        parameters.put("CarrierApiUrls", CarrierApiUrls.format(sandbox.baseUrls()));
        // the sandbox's journeys run on a compressed clock; polls follow it, at most once per scheduler run
        parameters.put("PollInTransitSeconds", "5");
        parameters.put("PollLastMileSeconds", "5");
        // a message held through quiet hours is looked at again within seconds, so a test sees it leave
        parameters.put("QuietHoursRecheckSeconds", "2");

        dynamo = track(LocalDynamoDb.start(Ports.freeOr(options.dynamoDbPort()), options.dynamoDbData()));
        sqs = track(LocalSqs.start(Ports.freeOr(options.sqsPort()), options.region(), ACCOUNT_ID));
        bridge = track(new LocalEventBridge(options.region(), ACCOUNT_ID));
        bridgeEndpoint = track(new EventBridgeEndpoint(bridge, Ports.freeOr(options.eventBridgePort())));
        texts = track(new LocalTexts(Ports.freeOr(0)));
        mail = track(new LocalMail(Ports.freeOr(0), Ports.freeOr(0), this::publishMailEvent));
        dynamoClient = track(DynamoDbClient.builder().region(Region.of(options.region())).endpointOverride(dynamo.endpoint()).build());
        sqsClient = track(SqsClient.builder().region(Region.of(options.region())).endpointOverride(sqs.endpoint()).build());

        Intrinsics names = new Intrinsics(this::ref, this::getAtt);
        template.resources(CloudTemplate.TABLE).forEach((id, properties) -> TemplateTables.create(dynamoClient, id, properties));
        createQueues(names);
        template.resources(CloudTemplate.EVENT_BUS).forEach((id, properties) -> busNames.put(id, names.resolveString(properties.get("Name"))));
        stage = template.resources(CloudTemplate.WEBSOCKET_STAGE).values().stream()
                .map(properties -> names.resolveString(properties.get("StageName"))).findFirst().orElse("local");

        List<HttpRoute> routes = new ArrayList<>();
        List<FunctionSpec> specs = template.functions();
        for (FunctionSpec spec : specs) {
            Map<String, String> environment = environment(spec, names);
            environments.put(spec.logicalId(), environment);
            functions.put(spec.logicalId(), track(function(spec, environment)));
        }
        for (FunctionSpec spec : specs) {
            LocalFunction function = functions.get(spec.logicalId());
            spec.eventsOfType("HttpApi").forEach(event ->
                    routes.add(new HttpRoute((String) event.get("Method"), (String) event.get("Path"), function)));
            for (Map<String, Object> event : spec.eventsOfType("SQS")) {
                String arn = names.resolveString(event.get("Queue"));
                int batchSize = ((Number) event.getOrDefault("BatchSize", 10)).intValue();
                @SuppressWarnings("unchecked")
                Number maximum = (Number) ((Map<String, Object>) event.getOrDefault("ScalingConfig", Map.of()))
                        .getOrDefault("MaximumConcurrency", SQS_INITIAL_CONCURRENCY);
                eventSources.add(track(new SqsEventSource(sqsClient, queueUrlOfArn(arn), arn, options.region(), batchSize,
                        Math.min(SQS_INITIAL_CONCURRENCY, maximum.intValue()), function)));
            }
            spec.events().forEach((eventName, event) -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> properties = (Map<String, Object>) event.getOrDefault("Properties", Map.of());
                if ("EventBridgeRule".equals(event.get("Type"))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> pattern = (Map<String, Object>) names.resolve(properties.get("Pattern"));
                    String bus = properties.containsKey("EventBusName") ? names.resolveString(properties.get("EventBusName")) : LocalEventBridge.DEFAULT_BUS;
                    bridge.addRule(bus, spec.logicalId() + eventName, pattern, function);
                } else if ("SNS".equals(event.get("Type"))) {
                    texts.subscribe(names.resolveString(properties.get("Topic")), function);
                } else if ("Schedule".equals(event.get("Type"))) {
                    bridge.addSchedule(names.resolveString(properties.get("Schedule")), function);
                }
            });
        }
        gatewayReservation.close();
        gateway = track(new LocalGateway(gatewayPort, stage, routes, webSocketRoutes(), options.tileUrl()));
    }

    private void createQueues(Intrinsics names) {
        var queues = template.resources(CloudTemplate.QUEUE);
        // Dead-letter queues first: a redrive policy names its target's ARN.
        List<String> order = new ArrayList<>(queues.keySet());
        order.sort((a, b) -> Boolean.compare(queues.get(a).containsKey("RedrivePolicy"), queues.get(b).containsKey("RedrivePolicy")));
        for (String id : order) {
            Map<String, Object> properties = queues.get(id);
            Map<QueueAttributeName, String> attributes = new HashMap<>();
            if (properties.containsKey("VisibilityTimeout")) {
                attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, names.resolveString(properties.get("VisibilityTimeout")));
            }
            if (properties.containsKey("MessageRetentionPeriod")) {
                attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, names.resolveString(properties.get("MessageRetentionPeriod")));
            }
            if (properties.containsKey("RedrivePolicy")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> redrive = (Map<String, Object>) names.resolve(properties.get("RedrivePolicy"));
                attributes.put(QueueAttributeName.REDRIVE_POLICY, dev.tracklight.core.json.Json.write(Map.of(
                        "deadLetterTargetArn", redrive.get("deadLetterTargetArn"),
                        "maxReceiveCount", Integer.parseInt(String.valueOf(redrive.get("maxReceiveCount"))))));
            }
            String url = sqsClient.createQueue(request -> request.queueName(id).attributes(attributes)).queueUrl();
            String arn = sqsClient.getQueueAttributes(request -> request.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            queueUrls.put(id, url);
            queueArns.put(id, arn);
        }
    }

    private Map<String, String> environment(FunctionSpec spec, Intrinsics names) {
        Map<String, String> environment = new LinkedHashMap<>();
        spec.environment().forEach((name, value) -> environment.put(name, localSecrets(names.resolveString(value))));
        environment.put("AWS_REGION", options.region());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", spec.logicalId());
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SQS", sqs.endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_EVENTBRIDGE", bridgeEndpoint.endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SESV2", mail.sesEndpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SNS", texts.endpoint().toString());
        if (environment.containsKey("API_BASE_URL")) {
            // the HTTP API's execute-api address in AWS; here the gateway is that address
            environment.put("API_BASE_URL", "http://127.0.0.1:" + gatewayPort);
        }
        if (environment.containsKey("WEBHOOK_BASE_URL")) {
            // the template names the HTTP API's execute-api address; here the gateway is that address
            environment.put("WEBHOOK_BASE_URL", "http://127.0.0.1:" + gatewayPort);
        }
        if (environment.containsKey("AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI")) {
            // The template points at execute-api in AWS; locally the gateway serves @connections itself.
            environment.put("AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI", "http://127.0.0.1:" + gatewayPort + "/" + stage);
        }
        return environment;
    }

    /**
     * A dynamic reference to a Secrets Manager secret, as CloudFormation would resolve it at deploy time: here each
     * secret is a random value drawn once per cloud, the same for every function that names it.
     */
    private String localSecrets(String value) {
        Matcher reference = SECRET_REFERENCE.matcher(value);
        return reference.matches() ? secrets.computeIfAbsent(reference.group(1), name -> RandomIds.webhookSecret() + RandomIds.webhookSecret())
                : value;
    }

    /** Route key → function, following each route's target integration to the function it invokes. */
    private Map<String, LocalFunction> webSocketRoutes() {
        Intrinsics logicalIds = new Intrinsics(id -> id, (id, attribute) -> id);
        var integrations = template.resources("AWS::ApiGatewayV2::Integration");
        Map<String, LocalFunction> routes = new HashMap<>();
        template.resources(CloudTemplate.WEBSOCKET_ROUTE).forEach((id, properties) -> {
            String integration = logicalIds.resolveString(properties.get("Target")).replaceFirst("^integrations/", "");
            Matcher uri = LAMBDA_URI.matcher(logicalIds.resolveString(integrations.get(integration).get("IntegrationUri")));
            if (!uri.find() || !functions.containsKey(uri.group(1))) {
                throw new IllegalStateException("route " + id + " does not integrate with a function of the template");
            }
            routes.put((String) properties.get("RouteKey"), functions.get(uri.group(1)));
        });
        return routes;
    }

    private String ref(String name) {
        return switch (name) {
            case "AWS::Region" -> options.region();
            case "AWS::AccountId" -> ACCOUNT_ID;
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            case "AWS::StackName" -> "tracklight-local";
            default -> {
                if (parameters.containsKey(name)) {
                    yield parameters.get(name);
                }
                if (queueUrls.containsKey(name)) {
                    yield queueUrls.get(name);
                }
                if (busNames.containsKey(name)) {
                    yield busNames.get(name);
                }
                String type = template.typeOf(name).orElseThrow(() -> new IllegalArgumentException("unknown reference " + name));
                yield switch (type) {
                    case CloudTemplate.TABLE, "AWS::SecretsManager::Secret", CONFIGURATION_SET -> name;
                    case TOPIC -> "arn:aws:sns:" + options.region() + ":" + ACCOUNT_ID + ":" + name;
                    case CloudTemplate.WEBSOCKET_API, "AWS::Serverless::HttpApi" -> "local";
                    default -> throw new IllegalArgumentException("the local cloud cannot Ref " + type + " " + name);
                };
            }
        };
    }

    private String getAtt(String id, String attribute) {
        String type = template.typeOf(id).orElseThrow(() -> new IllegalArgumentException("unknown resource " + id));
        return switch (type + "." + attribute) {
            case CloudTemplate.QUEUE + ".Arn" -> queueArns.get(id);
            case CloudTemplate.QUEUE + ".QueueName" -> id;
            case CloudTemplate.QUEUE + ".QueueUrl" -> queueUrls.get(id);
            case CloudTemplate.TABLE + ".Arn" -> "arn:aws:dynamodb:" + options.region() + ":" + ACCOUNT_ID + ":table/" + id;
            case CloudTemplate.EVENT_BUS + ".Arn" -> "arn:aws:events:" + options.region() + ":" + ACCOUNT_ID + ":event-bus/" + busNames.get(id);
            case CloudTemplate.FUNCTION + ".Alias" -> id;
            default -> throw new IllegalArgumentException("the local cloud cannot GetAtt " + id + "." + attribute);
        };
    }

    /** An SES event record to the topics the template's event destinations name for that configuration set. */
    private void publishMailEvent(String configurationSet, String record) {
        Intrinsics names = new Intrinsics(this::ref, this::getAtt);
        template.resources("AWS::SES::ConfigurationSetEventDestination").values().stream()
                .filter(destination -> configurationSet.equals(names.resolveString(destination.get("ConfigurationSetName"))))
                .map(destination -> (Map<?, ?>) ((Map<?, ?>) destination.get("EventDestination")).get("SnsDestination"))
                .filter(java.util.Objects::nonNull)
                .forEach(sns -> texts.publish(names.resolveString(sns.get("TopicARN")), record));
    }

    private String queueUrlOfArn(String arn) {
        return queueArns.entrySet().stream().filter(entry -> entry.getValue().equals(arn)).map(entry -> queueUrls.get(entry.getKey()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no queue " + arn));
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.add(resource);
        return resource;
    }

    public URI httpEndpoint() {
        return gateway.httpEndpoint();
    }

    /** The SMTP server consumer e-mail arrives at, through the local SES. */
    public LocalMail mail() {
        return mail;
    }

    /** What the local SNS would have texted. */
    public LocalTexts texts() {
        return texts;
    }

    public URI webSocketEndpoint() {
        return gateway.webSocketEndpoint();
    }

    /** What the operator commands need of this cloud, in the variables a function would read (see {@link LocalCloudState}). */
    public Map<String, String> operatorEnvironment() {
        Map<String, String> state = new HashMap<>(environmentOf("IngestCarrierFunction"));
        state.put("DEAD_LETTER_QUEUE_URL", queueUrl("EventsDeadLetterQueue"));
        state.put("SUBSCRIPTIONS_QUEUE_URL", queueUrl("SubscriptionsQueue"));
        state.put("SUBSCRIPTIONS_DEAD_LETTER_QUEUE_URL", queueUrl("SubscriptionsDeadLetterQueue"));
        state.put("NOTIFY_QUEUE_URL", queueUrl("NotificationsQueue"));
        state.put("NOTIFICATIONS_DEAD_LETTER_QUEUE_URL", queueUrl("NotificationsDeadLetterQueue"));
        state.put("CARRIER_ACCOUNT_KEY", environmentOf("TrackingApiFunction").get("CARRIER_ACCOUNT_KEY"));
        state.put("HTTP_ENDPOINT", httpEndpoint().toString());
        return state;
    }

    /**
     * Invocations that failed since the start: queue messages a function reported failed (or whose whole batch
     * threw) and bus deliveries that threw. Lambda retries both; in a run without outages each is a defect.
     */
    public long failedInvocations() {
        return eventSources.stream().mapToLong(SqsEventSource::failures).sum() + bridge.failures() + texts.failures();
    }


    /** Runs every scheduled function now, as if its rate had come round (the scheduler, the watchdog …). */
    public void fireSchedules() {
        bridge.fireSchedules();
    }

    /** The carriers' APIs as the functions reach them here. */
    public CarrierSandbox sandbox() {
        return sandbox;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoClient;
    }

    public SqsClient sqs() {
        return sqsClient;
    }

    public String queueUrl(String logicalId) {
        return queueUrls.get(logicalId);
    }

    /**
     * Stops DynamoDB Local, as an outage would, until the returned handle is closed; the functions see
     * refused connections meanwhile. Needs {@link Options#dynamoDbData()}, which keeps the tables.
     */
    public AutoCloseable dynamoDbOutage() {
        dynamo.stop();
        return dynamo::restart;
    }


    /**
     * The function as the options say: from its zip (the template's {@code CodeUri}, {@code MemorySize}, {@code
     * Timeout} and {@code ReservedConcurrentExecutions}, Globals included), or in-process.
     */
    private LocalFunction function(FunctionSpec spec, Map<String, String> environment) throws IOException {
        Map<String, Object> properties = template.resources(CloudTemplate.FUNCTION).get(spec.logicalId());
        Map<String, Object> globals = template.globalFunctionProperties();
        int timeout = number(properties.get("Timeout"), number(globals.get("Timeout"), 3));
        if (!options.fromZips()) {
            return new LocalFunction(spec.logicalId(), spec.handlerClass(), environment, Duration.ofSeconds(timeout));
        }
        Path zip = options.template().toAbsolutePath().getParent().resolve(String.valueOf(properties.get("CodeUri")));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(spec.logicalId() + ": no " + zip + "; build the functions first (mvn package)");
        }
        if (lambdaWork == null) {
            lambdaWork = Files.createTempDirectory("tracklight-lambda-");
        }
        return LocalFunction.fromZip(spec.logicalId(), spec.handler(), zip, environment,
                number(properties.get("MemorySize"), number(globals.get("MemorySize"), 128)), Duration.ofSeconds(timeout),
                Math.min(ZIP_CONCURRENCY, number(properties.get("ReservedConcurrentExecutions"), ZIP_CONCURRENCY)), lambdaWork);
    }

    private static int number(Object value, int fallback) {
        return value instanceof Number number ? number.intValue() : fallback;
    }

    /** What a function logged so far, when it runs from its zip (its instances' stdout): none in-process. */
    public List<String> logLinesOf(String functionLogicalId) {
        return functions.get(functionLogicalId).logLines();
    }

    /** How often the function was invoked so far and how long its invocations took in all. */
    public Busy busyOf(String functionLogicalId) {
        return functions.get(functionLogicalId).busy();
    }

    /** The template's functions, by logical id. */
    public Set<String> functionIds() {
        return Collections.unmodifiableSet(functions.keySet());
    }

    /** The variables a function runs with, as resolved from the template. */
    public Map<String, String> environmentOf(String functionLogicalId) {
        return environments.get(functionLogicalId);
    }


    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("[local-cloud] closing " + started.get(i).getClass().getSimpleName() + ": " + e);
            }
        }
        started.clear();
    }
}
