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
        // compared in whole parts per million, so 8 of 10 against 90 % is amber whatever the binary fractions say
        long share = Math.round(1e6 * met / measured);
        long goal = Math.round(1e6 * target);
        if (share >= goal) {
            return GREEN;
        }
        return share >= goal - (1_000_000 - goal) ? AMBER : RED;
    }
}
