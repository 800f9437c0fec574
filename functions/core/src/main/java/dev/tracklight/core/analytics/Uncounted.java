package dev.tracklight.core.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a shipment's versions added to the figures and the figures do not hold yet: written with the shipment
 * version that makes it (so a crash loses none of it) and added to the figures later, once and all together,
 * guarded by the last version counted (so a repeat adds nothing). Counting waits until a count is worth the
 * write: a parcel entering or leaving a stage or a facility, or enough pending, or pending long enough.
 *
 * @param byVersion what each version not counted yet added
 * @param since     when the oldest of them was written; null when there is none
 */
public record Uncounted(SortedMap<Long, Tally> byVersion, Instant since) {

    public static final Uncounted NONE = new Uncounted(new TreeMap<>(), null);

    /** Versions pending that make a count worth its write even without a move. */
    static final int ENOUGH_VERSIONS = 10;
    /** The longest a count waits for a move. */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    public Uncounted {
        byVersion = Collections.unmodifiableSortedMap(new TreeMap<>(byVersion));
    }

    public boolean isEmpty() {
        return byVersion.isEmpty();
    }

    /** Without the versions up to {@code countedVersion}, which the figures hold already. */
    public Uncounted after(long countedVersion) {
        SortedMap<Long, Tally> left = byVersion.tailMap(countedVersion + 1);
        // the oldest left may be younger than since: counting it early costs one write, never a count
        return left.isEmpty() ? NONE : new Uncounted(left, since);
    }

    /** With what {@code version} adds; nothing changes when it adds nothing. */
    public Uncounted with(long version, Tally tally, Instant now) {
        if (tally.isEmpty()) {
            return this;
        }
        SortedMap<Long, Tally> more = new TreeMap<>(byVersion);
        more.merge(version, tally, Tally::plus);
        return new Uncounted(more, since == null ? now : since);
    }

    /** Everything pending, summed. */
    public Tally total() {
        return byVersion.values().stream().reduce(Tally.EMPTY, Tally::plus);
    }

    public long lastVersion() {
        return byVersion.isEmpty() ? 0 : byVersion.lastKey();
    }

    /** True when the figures should take what is pending now. */
    public boolean dueAt(Instant now) {
        if (byVersion.isEmpty()) {
            return false;
        }
        return byVersion.size() >= ENOUGH_VERSIONS || !now.isBefore(since.plus(LONGEST_WAIT))
                || byVersion.values().stream().anyMatch(Uncounted::marksAMove);
    }

    private static boolean marksAMove(Tally tally) {
        return tally.counts().values().stream().flatMap(named -> named.keySet().stream()).anyMatch(Counter::marksAMove);
    }
}
