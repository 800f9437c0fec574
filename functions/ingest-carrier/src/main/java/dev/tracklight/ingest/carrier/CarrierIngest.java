package dev.tracklight.ingest.carrier;

import dev.tracklight.aws.queue.EventQueue;
import dev.tracklight.aws.store.WebhookSecretStore;
import dev.tracklight.core.carriers.Acknowledgement;
import dev.tracklight.core.carriers.CarrierAdapter;
import dev.tracklight.core.carriers.CarrierAdapters;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Accepts a carrier webhook: find the source's adapter, check the signature, normalize, queue. Nothing is
 * queued unless the whole body is valid, and nothing is acknowledged until every event is queued.
 */
public final class CarrierIngest {

    /** Larger than any real tracking webhook, and under SQS's 256 KB message once normalized. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private final CarrierAdapters adapters;
    private final WebhookSecretStore secrets;
    private final EventQueue queue;

    public CarrierIngest(CarrierAdapters adapters, WebhookSecretStore secrets, EventQueue queue) {
        this.adapters = adapters;
        this.secrets = secrets;
        this.queue = queue;
    }

    /** Returns the answer the source expects, once every event is queued. */
    public Acknowledgement accept(String source, String mediaType, WebhookRequest request) throws ProblemException {
        CarrierAdapter adapter = adapters.forSource(source)
                .orElseThrow(() -> new ProblemException(Problem.notFound("unknown carrier source '" + source + "'")));
        int bodyBytes = request.body().getBytes(StandardCharsets.UTF_8).length;
        if (bodyBytes > MAX_BODY_BYTES) {
            throw new ProblemException(Problem.payloadTooLarge(
                    "body is " + bodyBytes + " bytes; the limit is " + MAX_BODY_BYTES));
        }
        if (!adapter.mediaTypes().contains(mediaType)) {
            throw new ProblemException(Problem.unsupportedMediaType("source '" + source + "' sends "
                    + String.join(" or ", adapter.mediaTypes()) + ", not " + (mediaType == null ? "no Content-Type" : mediaType)));
        }
        String secret = secrets.secretFor(source)
                .orElseThrow(() -> new ProblemException(Problem.notFound("source '" + source + "' has no webhook secret configured")));
        adapter.verify(request, secret);
        List<TrackingEvent> events = adapter.parse(request);
        try {
            queue.sendAll(events);
        } catch (EventQueue.QueueUnavailableException e) {
            throw new ProblemException(Problem.unavailable("events could not be queued; retry later"));
        }
        return adapter.acknowledge(events);
    }
}
