package dev.tracklight.outbound;

import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.env.WebhookDestinations;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.WebhookDeliveryStore;
import dev.tracklight.aws.store.WebhookSubscriptionStore;
import dev.tracklight.core.outbound.DestinationPolicy;
import dev.tracklight.core.outbound.RetrySchedule;

import java.time.Clock;

/** Wires the dispatcher and the retry sender once per function instance from the template's variables. */
final class MerchantWebhooks {

    private MerchantWebhooks() {
    }

    static WebhookDispatcher dispatcher(FunctionEnvironment env, AwsClients aws) {
        String table = env.require("TABLE_NAME");
        return new WebhookDispatcher(new WebhookSubscriptionStore(aws.dynamoDb(), table), new ShipmentStore(aws.dynamoDb(), table),
                new WebhookDeliveryStore(aws.dynamoDb(), table), sender(env, aws), env.require("PUBLIC_BASE_URL"), Clock.systemUTC());
    }

    static WebhookRetries retries(FunctionEnvironment env, AwsClients aws) {
        return new WebhookRetries(new WebhookDeliveryStore(aws.dynamoDb(), env.require("TABLE_NAME")), sender(env, aws), Clock.systemUTC());
    }

    private static WebhookSender sender(FunctionEnvironment env, AwsClients aws) {
        String table = env.require("TABLE_NAME");
        return new WebhookSender(new WebhookDeliveryStore(aws.dynamoDb(), table), new WebhookSubscriptionStore(aws.dynamoDb(), table),
                new HttpWebhookTransport(WebhookDestinations.policy(env), DestinationPolicy.Resolver.SYSTEM), RetrySchedule.DEFAULT,
                Clock.systemUTC());
    }
}
