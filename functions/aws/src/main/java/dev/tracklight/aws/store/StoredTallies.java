package dev.tracklight.aws.store;

import dev.tracklight.core.analytics.Tally;
import dev.tracklight.core.analytics.TallyKey;
import dev.tracklight.core.analytics.TallyTail;
import dev.tracklight.core.analytics.Uncounted;
import dev.tracklight.core.json.Json;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON a shipment item keeps of its figures: the tail counted from, and what its versions added that is not
 * counted yet. Public records only because JSON-B reads them by reflection.
 */
public final class StoredTallies {

    private StoredTallies() {
    }

    public record Row(String day, String carrier, String lane, String facility, Map<String, Long> counts) {
    }

    public record Version(long version, List<Row> rows) {
    }

    public record Pending(Instant since, List<Version> versions) {
    }

    static String write(TallyTail tail) {
        return Json.write(tail);
    }

    static TallyTail readTail(String json) {
        return Json.read(json, TallyTail.class);
    }

    static String write(Uncounted uncounted) {
        return Json.write(new Pending(uncounted.since(), uncounted.byVersion().entrySet().stream()
                .map(entry -> new Version(entry.getKey(), rows(entry.getValue()))).toList()));
    }

    static Uncounted readUncounted(String json) {
        Pending pending = Json.read(json, Pending.class);
        TreeMap<Long, Tally> byVersion = new TreeMap<>();
        pending.versions().forEach(version -> byVersion.put(version.version(), tally(version.rows())));
        return new Uncounted(byVersion, pending.since());
    }

    private static List<Row> rows(Tally tally) {
        return tally.counts().entrySet().stream().map(entry -> new Row(entry.getKey().day(), entry.getKey().carrier(),
                entry.getKey().lane(), entry.getKey().facility(), entry.getValue())).toList();
    }

    private static Tally tally(List<Row> rows) {
        Map<TallyKey, Map<String, Long>> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put(new TallyKey(row.day(), row.carrier(), row.lane(), row.facility()), row.counts()));
        return Tally.of(counts);
    }
}
