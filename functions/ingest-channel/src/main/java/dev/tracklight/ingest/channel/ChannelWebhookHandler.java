package dev.tracklight.ingest.channel;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tracklight.aws.priming.Primers;
import dev.tracklight.aws.priming.SnapStartPriming;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.http.HttpRequests;
import dev.tracklight.aws.http.HttpResponses;
import dev.tracklight.core.problem.Problem;

/**
 * {@code POST /webhooks/channels/{channel}}. No sales-channel adapter is installed yet (Shopify and
 * WooCommerce come with the merchant API issue), so every channel is answered as unknown: clearly, with
 * nothing stored, so a platform's delivery log shows why.
 */
public final class ChannelWebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Warms the domain's paths before SnapStart's snapshot; held here because CRaC keeps resources weakly. */
    private static final SnapStartPriming PRIMING = SnapStartPriming.register(Primers::domain);

    public ChannelWebhookHandler() {
        this(FunctionEnvironment.system());
    }

    public ChannelWebhookHandler(FunctionEnvironment env) {
        // nothing to wire until the first channel adapter exists
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String channel = HttpRequests.pathParameter(event, "channel").orElse("");
        return HttpResponses.problem(Problem.notFound("unknown sales channel '" + channel + "'; none is supported yet"));
    }
}
