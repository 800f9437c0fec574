package dev.tracklight.notify;

import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.notify.ConsumerSender;
import dev.tracklight.aws.store.BrandingStore;
import dev.tracklight.aws.store.NotificationStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.TenantSettingsStore;
import dev.tracklight.aws.queue.NotifyRequests;

import java.time.Clock;

/** Wires the notifier once per function instance from the template's variables. */
final class ConsumerNotifications {

    private ConsumerNotifications() {
    }

    static ConsumerNotifier notifier(FunctionEnvironment env, AwsClients aws) {
        String table = env.require("TABLE_NAME");
        Clock clock = Clock.systemUTC();
        return new ConsumerNotifier(new NotificationStore(aws.dynamoDb(), table, clock), new ShipmentStore(aws.dynamoDb(), table),
                new BrandingStore(aws.dynamoDb(), table, clock), new TenantSettingsStore(aws.dynamoDb(), table, clock),
                new ConsumerSender(aws.ses(), aws.sns(), env.require("SENDER_EMAIL"), env.require("SES_CONFIGURATION_SET")), new NotifyRequests(aws.sqs(), env.require("NOTIFY_QUEUE_URL")),
                new ConsumerNotifier.Links(env.require("PUBLIC_BASE_URL"), env.require("API_BASE_URL")),
                Integer.parseInt(env.require("QUIET_HOURS_RECHECK_SECONDS")), clock);
    }
}
