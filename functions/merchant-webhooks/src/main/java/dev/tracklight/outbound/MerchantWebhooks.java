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
        var subscriptions = new WebhookSubscriptionStore(aws.dynamoDb(), table);
        var deliveries = new WebhookDeliveryStore(aws.dynamoDb(), table);
        return new WebhookDispatcher(subscriptions, new ShipmentStore(aws.dynamoDb(), table), deliveries,
                sender(env, subscriptions, deliveries), env.require("PUBLIC_BASE_URL"), Clock.systemUTC());
    }

    static WebhookRetries retries(FunctionEnvironment env, AwsClients aws) {
        String table = env.require("TABLE_NAME");
        var deliveries = new WebhookDeliveryStore(aws.dynamoDb(), table);
        return new WebhookRetries(deliveries, sender(env, new WebhookSubscriptionStore(aws.dynamoDb(), table), deliveries), Clock.systemUTC());
    }

    private static WebhookSender sender(FunctionEnvironment env, WebhookSubscriptionStore subscriptions, WebhookDeliveryStore deliveries) {
        return new WebhookSender(deliveries, subscriptions,
                new HttpWebhookTransport(WebhookDestinations.policy(env), DestinationPolicy.Resolver.SYSTEM), RetrySchedule.DEFAULT,
                Clock.systemUTC());
    }
}
