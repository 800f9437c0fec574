package dev.tracklight.aws.store;

import dev.tracklight.core.eta.ShipmentTransit;
import dev.tracklight.core.eta.engine.BusinessClock;
import dev.tracklight.core.eta.engine.TransitEngine;
import dev.tracklight.core.eta.engine.TransitFeatures;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.Shipment;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.n;

/**
 * One transit engine's learnt state in one versioned item, gzipped JSON. Readers keep a copy for a minute (an
 * estimate does not need the last delivery elsewhere); each delivery is learnt with a conditional write, so
 * concurrent learners never lose one. Not thread-safe: {@link EtaModelStore} serializes its use.
 */
final class StoredTransitModel {

    private static final String SNAPSHOT = "snapshot";
    private static final String VERSION = "version";
    private static final Duration CACHE = Duration.ofMinutes(1);
    private static final int ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;
    private final String pk;
    private final Clock clock;
    private Saved cached;
    private Instant cachedAt = Instant.MIN;
    /** Engines built from {@code cached}, one per business calendar: restoring a snapshot costs per lane. */
    private final Map<BusinessClock, TransitEngine> engines = new HashMap<>();

    StoredTransitModel(DynamoDbClient dynamo, String table, String pk, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.pk = pk;
        this.clock = clock;
    }

    private record Saved(TransitEngine.Snapshot snapshot, long version) {
    }

    /** The engine as trained so far, on the shipment's business calendar; empty before its first delivery. */
    Optional<TransitEngine> engineFor(Shipment shipment) {
        if (Duration.between(cachedAt, clock.instant()).compareTo(CACHE) > 0) {
            remember(read(false));
        }
        // estimates only read an engine, so the cached ones serve every caller until the model changes
        return Optional.ofNullable(cached).map(saved -> engines.computeIfAbsent(ShipmentTransit.clock(shipment),
                calendar -> new TransitEngine(calendar, saved.snapshot())));
    }

    /**
     * Learns one delivery. The estimate it is scored against is the one the current model gives for the hand-off
     * moment (the one shown then is not kept yet), which flatters the residual shape slightly.
     */
    void learn(Shipment delivered, Instant handedOver, Instant deliveredAt, ZoneOffset zone) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Saved saved = read(true);
            TransitEngine engine = saved == null ? new TransitEngine(ShipmentTransit.clock(delivered))
                    : new TransitEngine(ShipmentTransit.clock(delivered), saved.snapshot());
            TransitFeatures features = ShipmentTransit.features(delivered, handedOver, zone);
            LocalDateTime handOver = LocalDateTime.ofInstant(handedOver, zone);
            engine.learn(features, LocalDateTime.ofInstant(deliveredAt, zone), engine.deliveries() == 0 ? null : engine.predict(features, handOver));
            long version = saved == null ? 0 : saved.version();
            TransitEngine.Snapshot learnt = engine.snapshot();
            if (write(learnt, version)) {
                remember(new Saved(learnt, version + 1)); // this instance estimates with what it just learnt
                return;
            }
        }
        throw new ConcurrentModificationException("the ETA model " + pk + " kept changing; the delivery will be learnt on retry");
    }

    private void remember(Saved saved) {
        cached = saved;
        cachedAt = clock.instant();
        engines.clear();
    }

    private Saved read(boolean consistent) {
        var item = dynamo.getItem(request -> request.tableName(table).key(key(pk, Keys.META)).consistentRead(consistent)).item();
        if (item == null || item.isEmpty()) {
            return null;
        }
        return new Saved(Json.read(gunzip(item.get(SNAPSHOT).b().asByteArray()), TransitEngine.Snapshot.class),
                Long.parseLong(item.get(VERSION).n()));
    }

    private boolean write(TransitEngine.Snapshot snapshot, long expectedVersion) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, Keys.META));
        item.put(SNAPSHOT, AttributeValue.fromB(SdkBytes.fromByteArray(gzip(Json.write(snapshot)))));
        item.put(VERSION, n(expectedVersion + 1));
        try {
            dynamo.putItem(request -> request.tableName(table).item(item)
                    .conditionExpression(expectedVersion == 0 ? "attribute_not_exists(pk)" : "version = :expected")
                    .expressionAttributeValues(expectedVersion == 0 ? null : Map.of(":expected", n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException lostRace) {
            return false;
        }
    }

    private static byte[] gzip(String json) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String gunzip(byte[] compressed) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
