package dev.tracklight.core.eta.engine;

/** A fading regression's sufficient statistics, as saved with the engine. */
public record RegressionState(double[][] xx, double[] xy, double weight, double lastDay) {
}
