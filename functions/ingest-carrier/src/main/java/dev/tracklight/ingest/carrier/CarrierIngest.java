package dev.tracklight.ingest.carrier;

import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.queue.EventQueue;
import dev.tracklight.aws.store.RawWebhookStore;
import dev.tracklight.aws.store.WebhookEndpointStore;
import dev.tracklight.core.admission.EventAdmission;
import dev.tracklight.core.carriers.Acknowledgement;
import dev.tracklight.core.carriers.CarrierAdapter;
import dev.tracklight.core.carriers.registry.CarrierAdapters;
import dev.tracklight.core.ids.RandomIds;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.ReceivedWebhook;
import dev.tracklight.core.endpoint.WebhookEndpoint;
import dev.tracklight.core.webhook.WebhookRequest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Accepts a carrier webhook: find the endpoint and the source's adapter, check the signature, keep the raw
 * body, normalize, queue. Nothing is queued unless the whole body is valid, and nothing is acknowledged
 * until every event is queued. A kept body can be replayed (after an adapter fix, say): event ids are
 * deterministic, so a replay adds only what was missing.
 */
public final class CarrierIngest {

    /** Larger than any real tracking webhook, and under SQS's 256 KB message once normalized. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private final CarrierAdapters adapters;
    private final EndpointSecrets endpoints;
    private final RawWebhookStore raw;
    private final EventQueue queue;

    public CarrierIngest(CarrierAdapters adapters, WebhookEndpointStore endpoints, RawWebhookStore raw, EventQueue queue, Clock clock) {
        this.adapters = adapters;
        this.endpoints = new EndpointSecrets(endpoints, clock);
        this.raw = raw;
        this.queue = queue;
    }

    /** Wired to the services a function's environment names (also used by {@code ./tracklight raw replay}). */
    public static CarrierIngest wire(FunctionEnvironment env) {
        AwsClients aws = new AwsClients(env);
        String table = env.require("TABLE_NAME");
        Duration retention = Duration.ofDays(Long.parseLong(env.get("RAW_RETENTION_DAYS").orElse("30")));
        return new CarrierIngest(CarrierAdapters.all(Clock.systemUTC()), new WebhookEndpointStore(aws.dynamoDb(), table),
                new RawWebhookStore(aws.dynamoDb(), table, retention), new EventQueue(aws.sqs(), env.require("EVENTS_QUEUE_URL")), Clock.systemUTC());
    }

    /**
     * Returns the answer the source expects, once every event is queued.
     *
     * @param endpointId a tenant's endpoint from the URL, or null for the source's platform-wide endpoint
     */
    public Acknowledgement accept(String source, String endpointId, String mediaType, WebhookRequest request) throws ProblemException {
        CarrierAdapter adapter = adapter(source);
        int bodyBytes = request.body().getBytes(StandardCharsets.UTF_8).length;
        if (bodyBytes > MAX_BODY_BYTES) {
            throw new ProblemException(Problem.payloadTooLarge(
                    "body is " + bodyBytes + " bytes; the limit is " + MAX_BODY_BYTES));
        }
        if (!adapter.mediaTypes().contains(mediaType)) {
            throw new ProblemException(Problem.unsupportedMediaType("source '" + source + "' sends "
                    + String.join(" or ", adapter.mediaTypes()) + ", not " + (mediaType == null ? "no Content-Type" : mediaType)));
        }
        WebhookEndpoint endpoint = endpoint(endpoints.endpoint(source, endpointId), source, endpointId);
        try {
            adapter.verify(request, endpoint.secret());
        } catch (ProblemException refused) {
            // the secret may have been rotated since this instance kept it: judged again against the stored one
            WebhookEndpoint stored = endpoint(endpoints.stored(source, endpointId), source, endpointId);
            if (stored.secret().equals(endpoint.secret())) {
                throw refused;
            }
            adapter.verify(request, stored.secret());
            endpoint = stored;
        }
        var received = new ReceivedWebhook(RandomIds.receiptId(request.receivedAt()), source, endpoint.endpointId(),
                endpoint.tenantId(), mediaType, request, null);
        return adapter.acknowledge(queue(adapter, received));
    }

    /** Parses a kept body again with today's adapter and queues its events; returns how many. */
    public int replay(String receiptId) throws ProblemException {
        ReceivedWebhook received = raw.find(receiptId)
                .orElseThrow(() -> new ProblemException(Problem.notFound("no webhook body kept under '" + receiptId + "'")));
        return queue(adapter(received.source()), received).size();
    }

    private List<TrackingEvent> queue(CarrierAdapter adapter, ReceivedWebhook received) throws ProblemException {
        List<TrackingEvent> events;
        try {
            events = EventAdmission.admit(adapter.parse(received.request()), received.request().receivedAt());
        } catch (ProblemException e) {
            // authenticated but unreadable or out of bounds: kept, so that a fixed adapter can replay it
            raw.put(received.withOutcome("refused: " + e.problem().detail()));
            throw e;
        }
        raw.put(received.withOutcome("queued " + events.size() + " events"));
        try {
            queue.sendAll(events, received.tenantId());
        } catch (EventQueue.QueueUnavailableException e) {
            throw new ProblemException(Problem.unavailable("events could not be queued; retry later"));
        }
        return events;
    }

    /** Whether {@code source} names a source we have an adapter for (metrics name no other, so a scan cannot add dimensions). */
    public boolean knows(String source) {
        return adapters.forSource(source).isPresent();
    }

    private CarrierAdapter adapter(String source) throws ProblemException {
        return adapters.forSource(source)
                .orElseThrow(() -> new ProblemException(Problem.notFound("unknown carrier source '" + source + "'")));
    }

    private static WebhookEndpoint endpoint(Optional<WebhookEndpoint> endpoint, String source, String endpointId) throws ProblemException {
        return endpoint.orElseThrow(() -> new ProblemException(Problem.notFound(endpointId == null
                ? "source '" + source + "' has no platform-wide webhook endpoint; use your own /webhooks/carriers/" + source + "/{endpointId}"
                : "no '" + source + "' webhook endpoint '" + endpointId + "'")));
    }
}
