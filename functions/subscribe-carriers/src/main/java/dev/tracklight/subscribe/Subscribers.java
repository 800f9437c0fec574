package dev.tracklight.subscribe;

import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.queue.EventQueue;
import dev.tracklight.aws.store.CarrierAccountStore;
import dev.tracklight.aws.store.CredentialCipher;
import dev.tracklight.aws.store.PollScheduleStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.SourceQuota;
import dev.tracklight.aws.store.SubscriptionStore;
import dev.tracklight.aws.store.WebhookEndpointStore;
import dev.tracklight.aws.tracking.CarrierSubscriber;
import dev.tracklight.core.subscription.CarrierApiUrls;
import dev.tracklight.core.subscription.CarrierConnections;
import dev.tracklight.core.subscription.PollCadence;

import java.time.Clock;
import java.time.Duration;

/** The subscriber as the function's environment configures it: the sources' base URLs from {@code CARRIER_API_URLS}. */
final class Subscribers {

    private Subscribers() {
    }

    static CarrierSubscriber wire(FunctionEnvironment env, AwsClients aws) {
        String table = env.require("TABLE_NAME");
        Clock clock = Clock.systemUTC();
        var dynamo = aws.dynamoDb();
        CarrierConnections connections = CarrierConnections.of(CarrierApiUrls.parse(env.get("CARRIER_API_URLS").orElse(""))::of);
        var polling = new CarrierSubscriber.Polling(new PollScheduleStore(dynamo, table), new SourceQuota(dynamo, table, clock),
                new EventQueue(aws.sqs(), env.require("EVENTS_QUEUE_URL")), cadence(env));
        return new CarrierSubscriber(new ShipmentStore(dynamo, table), new SubscriptionStore(dynamo, table),
                new CarrierAccountStore(dynamo, table, CredentialCipher.from(env), clock), new WebhookEndpointStore(dynamo, table), connections,
                polling, env.require("WEBHOOK_BASE_URL"), clock);
    }

    /** The product's freshness targets, or a deployment's own ({@code POLL_IN_TRANSIT_SECONDS}, {@code POLL_LAST_MILE_SECONDS}). */
    static PollCadence cadence(FunctionEnvironment env) {
        Duration inTransit = env.get("POLL_IN_TRANSIT_SECONDS").filter(v -> v.matches("\\d{1,6}")).map(Long::parseLong).map(Duration::ofSeconds)
                .orElse(PollCadence.PRODUCT.inTransit());
        Duration lastMile = env.get("POLL_LAST_MILE_SECONDS").filter(v -> v.matches("\\d{1,6}")).map(Long::parseLong).map(Duration::ofSeconds)
                .orElse(PollCadence.PRODUCT.lastMile());
        return new PollCadence(inTransit, lastMile);
    }
}
