package dev.tracklight.aws.store;

import dev.tracklight.core.eta.ShipmentTransit;
import dev.tracklight.core.eta.engine.BusinessClock;
import dev.tracklight.core.eta.engine.TransitEngine;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.Shipment;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static dev.tracklight.aws.store.Attributes.key;
import static dev.tracklight.aws.store.Attributes.n;

/**
 * One transit engine's learnt state in one versioned item, gzipped JSON. Readers keep a copy for a minute (an
 * estimate does not need the last delivery elsewhere); the learner writes what it learnt conditionally on the
 * version it read, so concurrent learners never lose a lesson. Not thread-safe: {@link EtaModelStore} serializes its use.
 */
final class StoredTransitModel {

    private static final String SNAPSHOT = "snapshot";
    private static final String VERSION = "version";
    private static final Duration CACHE = Duration.ofMinutes(1);

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

    record Saved(TransitEngine.Snapshot snapshot, long version) {
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

    /** What the model has learnt, read strongly consistently to learn more; null before its first delivery. */
    Saved latest() {
        return read(true);
    }

    /** The write of what it learnt since {@code saved}, in the learner's transaction: it fails if another wrote since. */
    TransactWriteItem put(TransitEngine.Snapshot learnt, Saved saved) {
        long expected = saved == null ? 0 : saved.version();
        Map<String, AttributeValue> item = new HashMap<>(key(pk, Keys.META));
        item.put(SNAPSHOT, AttributeValue.fromB(SdkBytes.fromByteArray(gzip(Json.write(learnt)))));
        item.put(VERSION, n(expected + 1));
        return TransactWriteItem.builder().put(put -> put.tableName(table).item(item)
                .conditionExpression(expected == 0 ? "attribute_not_exists(pk)" : "version = :expected")
                .expressionAttributeValues(expected == 0 ? null : Map.of(":expected", n(expected)))).build();
    }

    /** After the learner's transaction: this instance estimates with what it just learnt. */
    void learnt(TransitEngine.Snapshot learnt, Saved saved) {
        remember(new Saved(learnt, (saved == null ? 0 : saved.version()) + 1));
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
