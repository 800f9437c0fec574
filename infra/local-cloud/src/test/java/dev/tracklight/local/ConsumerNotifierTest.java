package dev.tracklight.local;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.tracklight.aws.notify.ConsumerSender;
import dev.tracklight.aws.queue.NotifyRequests;
import dev.tracklight.aws.store.BrandingStore;
import dev.tracklight.aws.store.NotificationStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.TenantSettingsStore;
import dev.tracklight.core.ids.RandomIds;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.notify.NotifyChannel;
import dev.tracklight.core.notify.Subscriber;
import dev.tracklight.local.invoke.LocalContext;
import dev.tracklight.notify.ConsumerNotifier;
import dev.tracklight.notify.NotifyQueueHandler;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A message SES refuses is not lost: the moment's claim is given back, so the bus's retry sends it, and a queued
 * confirmation is reported failed, so SQS redelivers it and at last parks it where {@code ./tracklight dlq} shows it.
 * Against the local cloud's SES, which refuses an address at a {@code .invalid} domain as SES refuses one it cannot reach.
 */
class ConsumerNotifierTest {

    private static ConsumerNotifier notifier() throws Exception {
        LocalCloud cloud = SharedCloud.get();
        var dynamo = cloud.dynamoDb();
        String table = SharedCloud.table();
        Clock clock = Clock.systemUTC();
        var ses = SesV2Client.builder().region(Region.US_EAST_1).endpointOverride(cloud.mail().sesEndpoint()).build();
        var sns = SnsClient.builder().region(Region.US_EAST_1).endpointOverride(cloud.texts().endpoint()).build();
        return new ConsumerNotifier(new NotificationStore(dynamo, table, clock), new ShipmentStore(dynamo, table), new BrandingStore(dynamo, table, clock),
                new TenantSettingsStore(dynamo, table, clock), new ConsumerSender(ses, sns, "updates@track.example.com", "ConsumerMailConfigurationSet"),
                new NotifyRequests(cloud.sqs(), cloud.queueUrl("NotificationsQueue")),
                new ConsumerNotifier.Links(cloud.httpEndpoint().toString(), cloud.httpEndpoint().toString()), 2, clock);
    }

    @Test
    void aMomentSesRefusesIsGivenBackForTheRetryAndARefusedConfirmationIsReportedToTheQueue() throws Exception {
        // GIVEN a parcel out for delivery, and then a confirmed subscriber at an address SES cannot reach
        String number = SharedCloud.uniqueTrackingNumber();
        Map<?, ?> shipment = SharedCloud.register("ups", number);
        String shipmentId = (String) shipment.get("id");
        SharedCloud.client().postSignedWebhook(SharedCloud.SECRET, SharedCloud.webhook("ups", number, "OUT_FOR_DELIVERY", "OT",
                Instant.now().toString(), "Out for delivery"));
        WebSocketApiTest.awaitUntil(() -> SharedCloud.client().track(SharedCloud.tokenOf(shipment)).body().contains("\"OUT_FOR_DELIVERY\""),
                SharedCloud.JOURNEY);
        var store = new NotificationStore(SharedCloud.get().dynamoDb(), SharedCloud.table(), Clock.systemUTC());
        Subscriber unreachable = store.subscribe(new Subscriber("test-tenant", shipmentId, NotifyChannel.EMAIL, "ann@unreachable.invalid", "en",
                false, RandomIds.trackingToken(), Instant.now()));
        store.confirm(unreachable);
        ConsumerNotifier notifier = notifier();

        // WHEN the moment is announced twice
        // THEN SES's refusal raises each time: the first attempt gave its claim back, so a retry tries again
        assertThatThrownBy(() -> notifier.announce(shipmentId)).isInstanceOf(SdkException.class);
        assertThatThrownBy(() -> notifier.announce(shipmentId)).isInstanceOf(SdkException.class);

        // AND a confirmation SES refuses is reported failed to the queue, which retries it and then parks it
        Subscriber pending = store.subscribe(new Subscriber("test-tenant", shipmentId, NotifyChannel.EMAIL, "bob@unreachable.invalid", "en",
                false, RandomIds.trackingToken(), Instant.now()));
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-1");
        message.setBody(Json.write(new NotifyRequests.Request(NotifyRequests.CONFIRM, pending.token())));
        SQSEvent batch = new SQSEvent();
        batch.setRecords(List.of(message));
        // AND so is an announcement the bus parked and the operator replayed into the queue: the moment is tried again
        SQSEvent.SQSMessage replayed = new SQSEvent.SQSMessage();
        replayed.setMessageId("m-2");
        replayed.setBody("{\"detail-type\":\"ShipmentUpdated\",\"source\":\"tracklight.shipments\",\"detail\":{\"shipmentId\":\"" + shipmentId + "\"}}");
        batch.setRecords(List.of(message, replayed));
        var answer = new NotifyQueueHandler(notifier).handle(batch, new LocalContext("NotifyQueuedFunction", java.time.Duration.ofSeconds(30)));
        assertThat(answer.getBatchItemFailures()).extracting(failure -> failure.getItemIdentifier()).containsExactly("m-1", "m-2");
    }

    /** The template's bus rule of one function, as EventBridge's own Event Ruler matches it. */
    private static software.amazon.event.ruler.Machine ruleOf(String function) throws Exception {
        Object pattern = dev.tracklight.local.template.CloudTemplate.read(SharedCloud.template()).functions().stream()
                .filter(spec -> spec.logicalId().equals(function)).findFirst().orElseThrow()
                .events().values().stream().map(event -> ((Map<?, ?>) event.get("Properties")).get("Pattern"))
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        var machine = software.amazon.event.ruler.Machine.builder().build();
        machine.addRule(function, Json.write(pattern));
        return machine;
    }

    @Test
    void everyAnnouncementReachesThePagesAndTheMerchantsWebhooksAndOnlyThoseWithUpdatesWantedTheNotifier() throws Exception {
        // GIVEN an announcement of a shipment nobody asked updates for, and the same with updates wanted
        String unwanted = java.nio.file.Files.readString(SharedCloud.template().getParent().resolve("events/aws/eventbridge-shipment-updated.json"));
        String wanted = unwanted.replace("\"updatesWanted\": false", "\"updatesWanted\": true");

        // THEN the push and the webhook dispatch take both, and the notifier only the second
        for (String everyOne : List.of("PushStatusFunction", "WebhookDispatchFunction")) {
            assertThat(ruleOf(everyOne).rulesForJSONEvent(unwanted)).as(everyOne).containsExactly(everyOne);
            assertThat(ruleOf(everyOne).rulesForJSONEvent(wanted)).as(everyOne).containsExactly(everyOne);
        }
        assertThat(ruleOf("NotifyMomentsFunction").rulesForJSONEvent(unwanted)).isEmpty();
        assertThat(ruleOf("NotifyMomentsFunction").rulesForJSONEvent(wanted)).containsExactly("NotifyMomentsFunction");
    }
}
