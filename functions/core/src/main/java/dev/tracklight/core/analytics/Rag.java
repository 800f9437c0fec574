package dev.tracklight.core.analytics;

/**
 * A figure against its target: met (green), missing by no more than the target allows again (amber: a 99.5 %
 * target is amber down to 99 %), missing by more (red), or nothing to judge yet.
 */
public enum Rag {
    GREEN, AMBER, RED, NO_DATA;

    public static Rag of(long met, long measured, double target) {
        if (measured == 0) {
            return NO_DATA;
        }
        double share = (double) met / measured;
        if (share >= target) {
            return GREEN;
        }
        return share >= target - (1 - target) ? AMBER : RED;
    }
}
