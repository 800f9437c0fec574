package dev.tracklight.outbound;

import com.amazonaws.services.lambda.runtime.Context;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.observe.Correlation;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.priming.Primers;
import dev.tracklight.aws.priming.SnapStartPriming;
import dev.tracklight.aws.schedule.ScheduleHandler;

import java.util.stream.Collectors;

/** Runs {@link WebhookRetries} on the template's schedule. */
public final class WebhookRetryHandler extends ScheduleHandler {

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
    protected String run(Context context) {
        // {"DELIVERED":3,"RETRYING":1}: what became of the deliveries found due
        return telemetry.around(context, Correlation.fresh(), () -> retries.run().entrySet().stream()
                .map(outcome -> "\"" + outcome.getKey() + "\":" + outcome.getValue()).collect(Collectors.joining(",", "{", "}")));
    }
}
