package dev.tracklight.core.eta;

import dev.tracklight.core.eta.engine.TransitEngine;
import dev.tracklight.core.eta.engine.TransitFeatures;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TransitLessonsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T04:00:00Z");
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final ZoneOffset BRAZIL = ZoneOffset.ofHours(-3);
    private static final Location HANGZHOU = new Location("Hangzhou", "ZJ", "CN", "310000", null, null);
    private static final Location SHANGHAI = new Location("Shanghai", "SH", "CN", "200000", null, null);
    private static final Location SAO_PAULO = new Location("Sao Paulo", "SP", "BR", "01000", null, null);
    private static final Location RIO = new Location("Rio de Janeiro", "RJ", "BR", "20000", null, null);

    private static Shipment shipment(int i, Location from, Location to, Instant handedOver) {
        return Shipment.registered("tenant", "shp-" + i, null, "jd", "JD" + i, null, from, to, null, null, "tok-" + i, handedOver);
    }

    @Test
    void teachingABatchOfLessonsLeavesTheEngineAsLearningEachDeliveryInTurnDoes() {
        // GIVEN sixty deliveries to two countries, interleaved, each a lesson
        List<TransitLesson> lessons = new ArrayList<>();
        List<Runnable> oneByOne = new ArrayList<>();
        TransitEngine[] alone = {null};
        Instant first = NOW.minus(Duration.ofDays(70));
        for (int i = 0; i < 60; i++) {
            boolean china = i % 3 != 0;
            Instant handedOver = first.plus(Duration.ofHours(26L * i));
            Instant delivered = handedOver.plus(Duration.ofHours((china ? 28 : 70) + i % 9));
            Shipment shipment = china ? shipment(i, HANGZHOU, SHANGHAI, handedOver) : shipment(i, SAO_PAULO, RIO, handedOver);
            ZoneOffset zone = china ? CHINA : BRAZIL;
            lessons.add(TransitLessons.lesson(shipment, handedOver, delivered, zone, NOW).orElseThrow());
            oneByOne.add(() -> {
                // what the engine did before lessons: rebuilt on the delivery's calendar from the last snapshot
                TransitEngine engine = alone[0] == null ? new TransitEngine(ShipmentTransit.clock(shipment))
                        : new TransitEngine(ShipmentTransit.clock(shipment), alone[0].snapshot());
                TransitFeatures features = ShipmentTransit.features(shipment, handedOver, zone);
                engine.learn(features, LocalDateTime.ofInstant(delivered, zone), engine.deliveries() == 0 ? null
                        : engine.predict(features, LocalDateTime.ofInstant(handedOver, zone)));
                alone[0] = engine;
            });
        }
        oneByOne.forEach(Runnable::run);

        // WHEN they are taught in two batches
        TransitEngine.Snapshot batched = TransitLessons.teach(TransitLessons.teach(null, lessons.subList(0, 25)), lessons.subList(25, 60));

        // THEN the engine holds exactly what learning them one at a time gives
        assertThat(batched.deliveries()).isEqualTo(60);
        assertThat(Json.write(batched)).isEqualTo(Json.write(alone[0].snapshot()));
        assertThat(lessons.get(0).country()).isEqualTo("BR");
        assertThat(lessons.get(1).country()).isEqualTo("CN");
    }

    @Test
    void aDeliveryNoParcelCouldHaveMadeIsNoLessonAndNoLessonsChangeNothing() {
        Shipment delivered = shipment(0, HANGZHOU, SHANGHAI, NOW);
        Instant handedOver = NOW.minus(Duration.ofDays(3));

        assertThat(TransitLessons.lesson(delivered, handedOver, handedOver.minus(Duration.ofHours(1)), CHINA, NOW)).as("before its hand-off").isEmpty();
        assertThat(TransitLessons.lesson(delivered, handedOver, handedOver.plus(Duration.ofDays(3 * 365)), CHINA, NOW)).as("three years").isEmpty();
        assertThat(TransitLessons.lesson(delivered, handedOver, Instant.parse("2029-09-26T00:00:00Z"), CHINA, NOW)).as("in 2029").isEmpty();
        assertThat(TransitLessons.lesson(delivered, Instant.parse("1999-12-31T00:00:00Z"), Instant.parse("2000-01-02T00:00:00Z"), CHINA, NOW))
                .as("handed over before 2000").isEmpty();
        assertThat(TransitLessons.teach(null, List.of())).isNull();
    }
}
