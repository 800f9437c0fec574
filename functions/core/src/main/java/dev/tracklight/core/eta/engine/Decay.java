package dev.tracklight.core.eta.engine;

/** Exponential forgetting: an observation {@code tau} days old weighs 1/e of a new one. */
final class Decay {

    /** The last day of state that has seen nothing yet (a finite number, so saved state stays plain JSON). */
    static final double NEVER = -1e300;

    private Decay() {
    }

    static double factor(double lastDay, double day, double tau) {
        return lastDay == NEVER ? 1.0 : Math.exp(-Math.max(0.0, day - lastDay) / tau);
    }
}
