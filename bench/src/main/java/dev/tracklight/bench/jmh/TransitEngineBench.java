package dev.tracklight.bench.jmh;

import dev.tracklight.core.eta.engine.BusinessClock;
import dev.tracklight.core.eta.engine.PublicHolidays;
import dev.tracklight.core.eta.engine.TransitEngine;
import dev.tracklight.core.eta.engine.TransitFeatures;
import dev.tracklight.core.eta.engine.TransitPrediction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What one estimate and one learnt delivery cost the processor: an engine trained on 5,000 deliveries over
 * 400 lanes (the size of a busy deployment's month), predicting and learning on random lanes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TransitEngineBench {

    private static final LocalDateTime START = LocalDateTime.parse("2026-01-05T10:00:00");
    private TransitEngine engine;
    private TransitFeatures[] shipments;
    private TransitPrediction prediction;
    private BusinessClock clock;
    private TransitEngine.Snapshot saved;
    private int next;

    @Setup
    public void train() {
        clock = new BusinessClock(PublicHolidays.of("BR"), LocalDate.parse("2025-12-01"), LocalDate.parse("2028-12-31"));
        engine = new TransitEngine(clock);
        Random random = new Random(42);
        shipments = new TransitFeatures[4096];
        for (int i = 0; i < shipments.length; i++) {
            int lane = random.nextInt(400);
            LocalDateTime handedOver = START.plusHours(random.nextInt(24 * 300));
            shipments[i] = new TransitFeatures(List.of("c|to:" + lane % 27, "c|" + lane % 15 + ">" + lane % 27, "c||" + lane),
                    50.0 + random.nextInt(3000), handedOver.minusDays(1), handedOver.toLocalDate().plusDays(15), handedOver);
        }
        for (int i = 0; i < 5_000; i++) {
            TransitFeatures shipment = shipments[i % shipments.length];
            engine.learn(shipment, shipment.handedOverAt().plusHours(24 + random.nextInt(200)), engine.predict(shipment, shipment.handedOverAt()));
        }
        prediction = engine.predict(shipments[0], shipments[0].handedOverAt());
        saved = engine.snapshot();
    }

    @Benchmark
    public TransitPrediction predict() {
        TransitFeatures shipment = shipments[next++ & (shipments.length - 1)];
        return engine.predict(shipment, shipment.handedOverAt());
    }

    @Benchmark
    public TransitEngine learn() {
        TransitFeatures shipment = shipments[next++ & (shipments.length - 1)];
        engine.learn(shipment, shipment.handedOverAt().plusHours(72), prediction);
        return engine;
    }

    /** What each estimate paid before engines were cached: rebuilding one from the stored model. */
    @Benchmark
    public TransitEngine restore() {
        return new TransitEngine(clock, saved);
    }

    @Benchmark
    public TransitEngine.Snapshot snapshot() {
        return engine.snapshot();
    }
}
