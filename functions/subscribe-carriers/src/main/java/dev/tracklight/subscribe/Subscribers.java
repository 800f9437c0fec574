package dev.tracklight.subscribe;

import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.store.CarrierAccountStore;
import dev.tracklight.aws.store.CredentialCipher;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.SubscriptionStore;
import dev.tracklight.aws.store.WebhookEndpointStore;
import dev.tracklight.aws.tracking.CarrierSubscriber;
import dev.tracklight.core.subscription.CarrierConnections;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;

/** The subscriber as the function's environment configures it: each source's base URL from {@code <SOURCE>_API_URL}. */
final class Subscribers {

    private Subscribers() {
    }

    static CarrierSubscriber wire(FunctionEnvironment env, AwsClients aws) {
        String table = env.require("TABLE_NAME");
        Clock clock = Clock.systemUTC();
        var dynamo = aws.dynamoDb();
        CarrierConnections connections = CarrierConnections.of(source -> env.get(source.toUpperCase(Locale.ROOT) + "_API_URL")
                .filter(url -> !url.isBlank()).map(URI::create));
        return new CarrierSubscriber(new ShipmentStore(dynamo, table), new SubscriptionStore(dynamo, table),
                new CarrierAccountStore(dynamo, table, CredentialCipher.from(env), clock), new WebhookEndpointStore(dynamo, table), connections,
                env.require("WEBHOOK_BASE_URL"), clock);
    }
}
