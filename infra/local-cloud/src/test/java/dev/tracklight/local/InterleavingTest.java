package dev.tracklight.local;

import dev.tracklight.core.carriers.tracklight.TracklightAdapter;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.state.ShipmentFold;
import dev.tracklight.core.webhook.WebhookRequest;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of event streams posted as separate webhooks, shuffled across streams and within each, with
 * duplicates, concurrently: every shipment ends in exactly the state of its sorted, de-duplicated stream
 * and keeps every distinct event.
 */
class InterleavingTest {

    private static final int STREAMS = Integer.getInteger("tracklight.interleaving.streams", 200);
    private static final Status[] ON_THE_WAY = {Status.INFO_RECEIVED, Status.PICKED_UP, Status.IN_TRANSIT, Status.IN_TRANSIT,
            Status.EXCEPTION, Status.DELIVERY_ATTEMPTED, Status.OUT_FOR_DELIVERY, Status.AVAILABLE_FOR_PICKUP, Status.DELIVERED,
            Status.RETURNING};

    private record Stream(String number, String token, List<String> distinctBodies) {
    }

    @Test
    void anyInterleavingOfHundredsOfStreamsEndsInTheirSortedDistinctStates() throws Exception {
        Random random = new Random(20261122);
        Instant start = Instant.parse("2026-11-15T00:00:00Z");
        List<Stream> streams = new ArrayList<>();
        List<String> posts = new ArrayList<>();
        for (int s = 0; s < STREAMS; s++) {
            String number = SharedCloud.uniqueTrackingNumber();
            List<String> bodies = new ArrayList<>();
            int length = 2 + random.nextInt(4);
            for (int i = 0; i < length; i++) {
                Status status = ON_THE_WAY[random.nextInt(ON_THE_WAY.length)];
                String at = start.plus(Duration.ofMinutes(random.nextInt(5 * 24 * 60))).toString();
                bodies.add(SharedCloud.webhook("sf-express", number, status.name(), "c" + i, at, status.name().toLowerCase()));
            }
            streams.add(new Stream(number, SharedCloud.tokenOf(SharedCloud.register("sf-express", number)), bodies));
            posts.addAll(bodies);
            posts.add(bodies.get(random.nextInt(length))); // a carrier's retry
        }
        Collections.shuffle(posts, random);

        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> sent = new ArrayList<>();
            for (String body : posts) {
                sent.add(senders.submit(() -> SharedCloud.client().postSignedWebhook(SharedCloud.SECRET, body).statusCode()));
            }
            for (Future<Integer> status : sent) {
                assertThat(status.get()).isEqualTo(202);
            }
        }

        TracklightAdapter adapter = new TracklightAdapter(Clock.systemUTC());
        for (Stream stream : streams) {
            List<TrackingEvent> distinct = new ArrayList<>();
            for (String body : stream.distinctBodies()) {
                distinct.addAll(adapter.parse(new WebhookRequest(Map.of(), body, Instant.now())));
            }
            Status expected = ShipmentFold.fold(distinct).status();
            WebSocketApiTest.awaitUntil(() -> ((List<?>) view(stream).get("timeline")).size() == distinct.size(), Duration.ofSeconds(180));
            assertThat(view(stream).get("status")).as("stream %s", stream.number()).isEqualTo(expected.name());
        }
    }

    private static Map<?, ?> view(Stream stream) throws Exception {
        return Json.read(SharedCloud.client().track(stream.token()).body(), Map.class);
    }
}
