package dev.tracklight.ingest.channel;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.http.HttpRequests;
import dev.tracklight.aws.http.HttpResponses;
import dev.tracklight.aws.http.StorageFailures;
import dev.tracklight.aws.priming.Primers;
import dev.tracklight.aws.priming.SnapStartPriming;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;
import software.amazon.awssdk.core.exception.SdkException;

import java.time.Clock;

/**
 * {@code POST /webhooks/channels/{channel}/{endpointId}}: a tenant's Shopify, WooCommerce or generic channel
 * webhook. Answered 200 once everything it said is stored (platforms want 200; WooCommerce's ping wants
 * exactly 200); 503 when storage is unreachable, so the platform retries.
 */
public final class ChannelWebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Warms the domain's paths before SnapStart's snapshot; held here because CRaC keeps resources weakly. */
    private static final SnapStartPriming PRIMING = SnapStartPriming.register(Primers::domain);

    private final ChannelIngest ingest;
    private final Clock clock;

    public ChannelWebhookHandler() {
        this(FunctionEnvironment.system());
    }

    public ChannelWebhookHandler(FunctionEnvironment env) {
        this(ChannelIngest.wire(env), Clock.systemUTC());
    }

    public ChannelWebhookHandler(ChannelIngest ingest, Clock clock) {
        this.ingest = ingest;
        this.clock = clock;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        var request = new WebhookRequest(HttpRequests.headers(event), event.getQueryStringParameters(), HttpRequests.body(event),
                clock.instant());
        try {
            return HttpResponses.json(200, ingest.accept(HttpRequests.pathParameter(event, "channel").orElse(null),
                    HttpRequests.pathParameter(event, "endpoint").orElse(null), request));
        } catch (ProblemException e) {
            return HttpResponses.problem(e.problem());
        } catch (SdkException e) {
            context.getLogger().log("channel webhook not accepted, AWS refused or unavailable: " + e);
            return HttpResponses.problem(StorageFailures.problem(e, "Tracklight cannot accept webhooks right now; retry later"));
        }
    }
}
