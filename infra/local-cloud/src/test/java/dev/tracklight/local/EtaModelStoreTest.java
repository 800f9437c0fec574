package dev.tracklight.local;

import dev.tracklight.aws.schedule.Deadline;
import dev.tracklight.aws.store.EtaModelStore;
import dev.tracklight.core.eta.ShipmentTransit;
import dev.tracklight.core.eta.TransitLesson;
import dev.tracklight.core.eta.TransitLessons;
import dev.tracklight.core.eta.engine.TransitEngine;
import dev.tracklight.core.eta.engine.TransitFeatures;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each tenant's transit engine learns only its own deliveries; the shared prior takes a bounded share of each; every
 * kept delivery is taught exactly once, however often it is kept and however many learners run.
 */
class EtaModelStoreTest {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final Location HANGZHOU = new Location("Hangzhou", "ZJ", "CN", "310000", null, null);
    private static final Location SHANGHAI = new Location("Shanghai", "SH", "CN", "200000", null, null);
    private static final Instant NOW = Instant.parse("2026-11-30T04:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private EtaModelStore store;
    private String table;

    /** A table of its own, so the prior counts only what this test teaches it. */
    @BeforeEach
    void freshTable() throws Exception {
        var dynamo = SharedCloud.get().dynamoDb();
        table = TableOfItsOwn.create(dynamo, "eta");
        store = new EtaModelStore(dynamo, table, clock);
    }

    private static Shipment shipment(String tenant, int i, Instant handedOver) {
        return shipment(tenant, tenant, i, handedOver);
    }

    private static Shipment shipment(String idPrefix, String tenant, int i, Instant handedOver) {
        return Shipment.registered(tenant, idPrefix + "-" + i, null, "jd", "JD" + i, null, HANGZHOU, SHANGHAI, null, null, idPrefix + "-" + i,
                handedOver);
    }

    /**
     * Delivers {@code count} shipments of about {@code hours} transit for the tenant (their lessons kept, as the
     * processor keeps them), learns them as the scheduled learner does, and teaches them to {@code alone} as well.
     */
    private void teach(String tenant, int count, long hours, TransitEngine alone) {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        Instant first = NOW.minus(Duration.ofDays(80));
        for (int i = 0; i < count; i++) {
            Instant handedOver = first.plus(Duration.ofHours(24L * i));
            Instant delivered = handedOver.plus(Duration.ofHours(hours + i % 5));
            Shipment past = shipment(tenant + "-" + batch, tenant, i, handedOver);
            store.keep(TransitLessons.lesson(past, handedOver, delivered, CHINA, clock.instant()).orElseThrow());
            if (alone != null) {
                TransitFeatures features = ShipmentTransit.features(past, handedOver, CHINA);
                alone.learn(features, LocalDateTime.ofInstant(delivered, CHINA), alone.deliveries() == 0 ? null
                        : alone.predict(features, LocalDateTime.ofInstant(handedOver, CHINA)));
            }
        }
        assertThat(store.learnWaiting(Deadline.none())).isEqualTo(count);
    }

    private static TransitFeatures next(String tenant) {
        return ShipmentTransit.features(shipment(tenant, 999, NOW), NOW, CHINA);
    }

    @Test
    void aTenantsEngineLearnsOnlyItsOwnDeliveriesAndANewTenantStartsFromTheSharedPrior() {
        // GIVEN a tenant whose parcels take about a day, and one whose (wrong) data says twenty days on the same lane
        Shipment fast = shipment("fast-" + UUID.randomUUID(), 0, NOW);
        TransitEngine fastAlone = new TransitEngine(ShipmentTransit.clock(fast));
        String slow = "slow-" + UUID.randomUUID();
        teach(fast.tenantId(), 40, 26, fastAlone);
        teach(slow, 40, 480, null);

        // THEN the fast tenant is estimated exactly as if no other tenant existed
        TransitEngine fastEngine = store.engineFor(fast).orElseThrow();
        LocalDateTime now = LocalDateTime.ofInstant(NOW, CHINA);
        assertThat(fastEngine.deliveries()).isEqualTo(40);
        assertThat(fastEngine.predict(next(fast.tenantId()), now).likely())
                .isEqualTo(fastAlone.predict(next(fast.tenantId()), now).likely());

        // AND a new tenant gets the prior, which took only each tenant's daily share: 20 + 20 of the 80
        Shipment newcomer = shipment("new-" + UUID.randomUUID(), 0, NOW);
        assertThat(store.engineFor(newcomer).orElseThrow().deliveries()).isEqualTo(2L * TransitLessons.PRIOR_SHARE_PER_DAY);

        // AND the next day the slow tenant adds its share again, no more
        clock.advance(Duration.ofDays(1));
        teach(slow, 40, 480, null);
        assertThat(store.engineFor(newcomer).orElseThrow().deliveries()).isEqualTo(3L * TransitLessons.PRIOR_SHARE_PER_DAY);
    }

    @Test
    void aDeliveryKeptAgainAfterItWasLearntAndASecondLearnerRacingTheFirstTeachEachLessonOnce() throws Exception {
        // GIVEN sixty deliveries of one tenant kept as lessons, one of them kept twice
        String tenant = "once-" + UUID.randomUUID();
        List<TransitLesson> lessons = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Instant handedOver = NOW.minus(Duration.ofDays(60 - i));
            lessons.add(TransitLessons.lesson(shipment(tenant, i, handedOver), handedOver, handedOver.plus(Duration.ofHours(30)), CHINA, NOW).orElseThrow());
        }
        lessons.forEach(store::keep);
        store.keep(lessons.getFirst());

        // WHEN two learners run at once, as a redelivered schedule or a second instance would
        EtaModelStore other = new EtaModelStore(SharedCloud.get().dynamoDb(), table, clock);
        try (var pool = Executors.newFixedThreadPool(2)) {
            Future<Integer> first = pool.submit(() -> store.learnWaiting(Deadline.none()));
            Future<Integer> second = pool.submit(() -> other.learnWaiting(Deadline.none()));

            // THEN every lesson was taught by exactly one of them
            assertThat(first.get() + second.get()).isEqualTo(60);
        }
        assertThat(new EtaModelStore(SharedCloud.get().dynamoDb(), table, clock).engineFor(shipment(tenant, 99, NOW)).orElseThrow().deliveries())
                .isEqualTo(60);

        // AND a delivery processed again after it was learnt (a redelivered message) is no lesson any more
        store.keep(lessons.get(7));
        assertThat(store.learnWaiting(Deadline.none())).isZero();
        assertThat(other.learnWaiting(Deadline.none())).isZero();
    }

    @Test
    void aLearnerThatWasDownForDaysFindsEveryLessonKeptMeanwhile() {
        // GIVEN a learner that ran, then a delivery kept, and no learner for three days
        String tenant = "down-" + UUID.randomUUID();
        assertThat(store.learnWaiting(Deadline.none())).isZero();
        Instant handedOver = NOW.minus(Duration.ofDays(2));
        clock.advance(Duration.ofMinutes(1));
        store.keep(TransitLessons.lesson(shipment(tenant, 0, handedOver), handedOver, NOW, CHINA, clock.instant()).orElseThrow());
        clock.advance(Duration.ofDays(3));

        // WHEN it runs again THEN it reads back to where it stopped, not a fixed day, and teaches the lesson once
        assertThat(store.learnWaiting(Deadline.none())).isEqualTo(1);
        assertThat(store.learnWaiting(Deadline.none())).isZero();
        assertThat(store.engineFor(shipment(tenant, 1, NOW)).orElseThrow().deliveries()).isEqualTo(1);
    }
}
