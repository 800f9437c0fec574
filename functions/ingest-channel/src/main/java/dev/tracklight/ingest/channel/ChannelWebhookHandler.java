package dev.tracklight.ingest.channel;

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
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;
import software.amazon.awssdk.core.exception.SdkException;

import java.time.Clock;

/**
 * {@code POST /webhooks/channels/{channel}/{endpointId}}: a tenant's Shopify, WooCommerce or generic channel
 * webhook. Answered 200 once everything it said is stored (platforms want 200; WooCommerce's ping wants
 * exactly 200); 503 when storage is unreachable, so the platform retries.
 */
public final class ChannelWebhookHandler extends EventHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Telemetry telemetry = Telemetry.forService("ingest-channel");
    private final ChannelIngest ingest;
    private final Clock clock;

    public ChannelWebhookHandler() {
        this(FunctionEnvironment.system());
    }

    public ChannelWebhookHandler(FunctionEnvironment env) {
        this(ChannelIngest.wire(env), Clock.systemUTC());
    }

    public ChannelWebhookHandler(ChannelIngest ingest, Clock clock) {
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
        String channel = HttpRequests.pathParameter(event, "channel").orElse(null);
        String metricSource = ingest.knows(channel) ? channel : WebhookOutcomes.UNKNOWN;
        try {
            var receipt = ingest.accept(channel, HttpRequests.pathParameter(event, "endpoint").orElse(null), request);
            WebhookOutcomes.accepted(metricSource);
            return HttpResponses.json(200, receipt);
        } catch (ProblemException e) {
            WebhookOutcomes.refused(metricSource, e.problem().status(), e.problem().detail());
            return HttpResponses.problem(e.problem());
        } catch (SdkException e) {
            WebhookOutcomes.unavailable(metricSource, e);
            return HttpResponses.problem(StorageFailures.problem(e, "Tracklight cannot accept webhooks right now; retry later"));
        }
    }
}
