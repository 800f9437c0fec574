package dev.tracklight.outbound;

import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.schedule.Deadline;
import dev.tracklight.aws.schedule.ScheduleHandler;

import java.util.stream.Collectors;

/** Runs {@link WebhookRetries} on the template's schedule. */
public final class WebhookRetryHandler extends ScheduleHandler {

    private final WebhookRetries retries;

    public WebhookRetryHandler() {
        this(FunctionEnvironment.system());
    }

    public WebhookRetryHandler(FunctionEnvironment env) {
        this(MerchantWebhooks.retries(env, new AwsClients(env)));
    }

    public WebhookRetryHandler(WebhookRetries retries) {
        super("webhook-retry");
        this.retries = retries;
    }

    @Override
    protected String run(Deadline deadline) {
        // {"DELIVERED":3,"RETRYING":1}: what became of the deliveries found due
        return retries.run(deadline).entrySet().stream()
                .map(outcome -> "\"" + outcome.getKey() + "\":" + outcome.getValue()).collect(Collectors.joining(",", "{", "}"));
    }
}
