package dev.tracklight.core.eta.engine;

/** Exponential forgetting: an observation {@code tau} days old weighs 1/e of a new one. */
final class Decay {

    private Decay() {
    }

    static double factor(double lastDay, double day, double tau) {
        return Double.isNaN(lastDay) ? 1.0 : Math.exp(-Math.max(0.0, day - lastDay) / tau);
    }
}
