package dev.tracklight.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An estimate as it was shown from {@code revisedAt} on. A shipment keeps its revisions so a merchant can
 * see how the estimate moved against the original promise; only a change a reader would notice
 * ({@link EtaWindow#differsNoticeablyFrom}) makes a new revision.
 */
public record EtaRevision(Instant revisedAt, EtaWindow window) {

    /** Revisions kept: the first (the original estimate) and the newest ones. */
    static final int MAX_KEPT = 50;

    /** The revisions after {@code current} was shown at {@code now}: unchanged unless it is a noticeable change. */
    public static List<EtaRevision> append(List<EtaRevision> revisions, EtaWindow current, Instant now) {
        if (current == null || (!revisions.isEmpty() && !current.differsNoticeablyFrom(revisions.getLast().window()))) {
            return revisions;
        }
        List<EtaRevision> next = new ArrayList<>(revisions.size() + 1);
        next.addAll(revisions);
        next.add(new EtaRevision(now, current));
        if (next.size() > MAX_KEPT) {
            next.remove(1); // the original stays; the oldest of the later ones goes
        }
        return List.copyOf(next);
    }
}
