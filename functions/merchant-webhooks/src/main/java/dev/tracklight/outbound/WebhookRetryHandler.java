package dev.tracklight.outbound;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.observe.Correlation;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.priming.Primers;
import dev.tracklight.aws.priming.SnapStartPriming;

/** Runs {@link WebhookRetries} on the template's schedule. */
public final class WebhookRetryHandler implements RequestHandler<ScheduledEvent, String> {

    /** Warms the domain's and the SDK's paths before SnapStart's snapshot; held here because CRaC keeps resources weakly. */
    private static final SnapStartPriming PRIMING = SnapStartPriming.register(Primers::all);

    private final Telemetry telemetry = Telemetry.forService("webhook-retry");
    private final WebhookRetries retries;

    public WebhookRetryHandler() {
        this(FunctionEnvironment.system());
    }

    public WebhookRetryHandler(FunctionEnvironment env) {
        this(MerchantWebhooks.retries(env, new AwsClients(env)));
    }

    public WebhookRetryHandler(WebhookRetries retries) {
        this.retries = retries;
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        return telemetry.around(context, Correlation.fresh(), () -> retries.run().toString());
    }
}
