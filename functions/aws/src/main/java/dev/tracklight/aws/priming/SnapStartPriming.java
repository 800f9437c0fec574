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

    /** The init log line that says the primer ran, and how long it took. */
    public static final String PRIMED_MESSAGE = "primed before the snapshot";

    /** Every primer registered in this JVM, for {@link #primeAll()}; CRaC's own registry cannot be run without a checkpoint. */
    private static final java.util.List<SnapStartPriming> REGISTERED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final Runnable primer;

    private SnapStartPriming(Runnable primer) {
        this.primer = primer;
    }

    /** Registers the primer with the CRaC runtime; returns the resource so tests can call its hooks. */
    public static SnapStartPriming register(Runnable primer) {
        SnapStartPriming priming = new SnapStartPriming(primer);
        Core.getGlobalContext().register(priming);
        REGISTERED.add(priming);
        return priming;
    }

    /**
     * Runs every registered primer's {@code beforeCheckpoint} as SnapStart would before its snapshot: how the local
     * cloud's primed instances (and the cold-start bench) stand in for a restored one on a JVM without CRaC.
     */
    public static void primeAll() {
        REGISTERED.forEach(priming -> priming.beforeCheckpoint(null));
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        primer.run();
        // a line of the init, in the functions' JSON format (outside an invocation there is no request id to carry)
        System.out.println("{\"level\":\"INFO\",\"message\":\"" + PRIMED_MESSAGE + "\",\"primer_ms\":"
                + (System.nanoTime() - started) / 1_000_000 + "}");
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to renew: the SDK clients open their connections on first use
    }
}
