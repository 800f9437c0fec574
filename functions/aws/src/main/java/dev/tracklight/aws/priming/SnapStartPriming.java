package dev.tracklight.aws.priming;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Runs a function's read-only warm-up before SnapStart takes its snapshot, so the restored instance starts
 * with classes loaded and JSON paths exercised. A primer must touch no data and draw no random values:
 * every restored instance shares what the snapshot holds.
 */
public final class SnapStartPriming implements Resource {

    private final Runnable primer;

    private SnapStartPriming(Runnable primer) {
        this.primer = primer;
    }

    /** Registers the primer with the CRaC runtime; returns the resource so tests can call its hooks. */
    public static SnapStartPriming register(Runnable primer) {
        SnapStartPriming priming = new SnapStartPriming(primer);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        primer.run();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to renew: the SDK clients open their connections on first use
    }
}
