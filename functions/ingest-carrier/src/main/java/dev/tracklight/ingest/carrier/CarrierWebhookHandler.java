package dev.tracklight.ingest.carrier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.runtime.EventHandler;
import dev.tracklight.aws.http.HttpRequests;
import dev.tracklight.aws.http.HttpResponses;
import dev.tracklight.aws.http.StorageFailures;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.observe.WebhookOutcomes;
import dev.tracklight.core.carriers.Acknowledgement;
import dev.tracklight.core.problem.ProblemException;
import software.amazon.awssdk.core.exception.SdkException;
import dev.tracklight.core.webhook.WebhookRequest;

import java.time.Clock;

/** {@code POST /webhooks/carriers/{source}[/{endpointId}]}: verify, normalize, queue, answer as the source expects. */
public final class CarrierWebhookHandler extends EventHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Telemetry telemetry = Telemetry.forService("ingest-carrier");
    private final CarrierIngest ingest;
    private final Clock clock;

    public CarrierWebhookHandler() {
        this(FunctionEnvironment.system());
    }

    public CarrierWebhookHandler(FunctionEnvironment env) {
        this(CarrierIngest.wire(env), Clock.systemUTC());
    }

    public CarrierWebhookHandler(CarrierIngest ingest, Clock clock) {
        super(APIGatewayV2HTTPEvent.class);
        this.ingest = ingest;
        this.clock = clock;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        String correlationId = HttpRequests.correlationId(event);
        return HttpResponses.correlated(telemetry.around(context, correlationId, () -> accept(event)), correlationId);
    }

    private APIGatewayV2HTTPResponse accept(APIGatewayV2HTTPEvent event) {
        var request = new WebhookRequest(HttpRequests.headers(event), event.getQueryStringParameters(), HttpRequests.body(event),
                clock.instant());
        String source = HttpRequests.pathParameter(event, "source").orElse(null);
        String metricSource = ingest.knows(source) ? source : WebhookOutcomes.UNKNOWN;
        try {
            Acknowledgement ack = ingest.accept(source, HttpRequests.pathParameter(event, "endpoint").orElse(null),
                    HttpRequests.mediaType(event).orElse(null), request);
            WebhookOutcomes.accepted(metricSource);
            return HttpResponses.of(ack.status(), ack.contentType(), ack.body());
        } catch (ProblemException e) {
            WebhookOutcomes.refused(metricSource, e.problem().status(), e.problem().detail());
            return HttpResponses.problem(e.problem());
        } catch (SdkException e) {
            WebhookOutcomes.unavailable(metricSource, e);
            return HttpResponses.problem(StorageFailures.problem(e, "Tracklight cannot accept webhooks right now; retry later"));
        }
    }
}
