package dev.tracklight.local;

import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQS event source honours partial batch failures: a poison message is retried alone while its batch
 * neighbours are processed, and after the template's maxReceiveCount it is parked in the DLQ.
 */
class QueueRedriveTest {

    @Test
    void aPoisonMessageEndsInTheDeadLetterQueueWhileItsNeighbourIsProcessed() throws Exception {
        LocalCloud cloud = SharedCloud.get();
        String number = SharedCloud.uniqueTrackingNumber();
        String token = SharedCloud.tokenOf(SharedCloud.register("ups", number));
        Instant at = Instant.parse("2026-11-21T08:00:00Z");
        String good = Json.write(new TrackingEvent(EventIds.of("ups", number, "AR", at, null), "ups", number, at, "+00:00", false,
                at, Status.IN_TRANSIT, null, null, "AR", "Arrived", null, "tracklight", null));
        String poison = "{\"this is\": not json " + number;

        cloud.sqs().sendMessageBatch(request -> request.queueUrl(cloud.queueUrl("EventsQueue")).entries(
                SendMessageBatchRequestEntry.builder().id("poison").messageBody(poison).build(),
                SendMessageBatchRequestEntry.builder().id("good").messageBody(good).build()));

        WebSocketApiTest.awaitUntil(() -> SharedCloud.client().track(token).body().contains("\"IN_TRANSIT\""));
        String deadLetters = cloud.queueUrl("EventsDeadLetterQueue");
        List<String> parked = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + SharedCloud.JOURNEY.toNanos();
        while (System.nanoTime() < deadline && !parked.contains(poison)) {
            cloud.sqs().receiveMessage(r -> r.queueUrl(deadLetters).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages().forEach(message -> parked.add(message.body()));
        }
        assertThat(parked).contains(poison).doesNotContain(good);
    }
}
