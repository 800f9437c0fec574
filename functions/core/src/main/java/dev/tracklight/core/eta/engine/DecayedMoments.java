package dev.tracklight.core.eta.engine;

/**
 * Weight, sum and sum of squares of observations that fade with age (time constant {@code tau} days), so
 * a lane's statistics follow the carrier's current speed. Decay is applied lazily when the moments are read
 * or extended.
 */
final class DecayedMoments {

    private final double tau;
    private double weight;
    private double sum;
    private double sumOfSquares;
    private double lastDay = Decay.NEVER;

    DecayedMoments(double tau) {
        this.tau = tau;
    }

    /** Restores moments saved with {@link #state()}. */
    DecayedMoments(double tau, double[] state) {
        this(tau);
        restore(state);
    }

    void restore(double[] state) {
        weight = state[0];
        sum = state[1];
        sumOfSquares = state[2];
        lastDay = state[3];
    }

    /** {weight, sum, sum of squares, last day}; the last day is Decay.NEVER when nothing was added. */
    double[] state() {
        return new double[] {weight, sum, sumOfSquares, lastDay};
    }

    /** Ages the moments to {@code day} (days on any fixed axis). */
    DecayedMoments at(double day) {
        double factor = Decay.factor(lastDay, day, tau);
        weight *= factor;
        sum *= factor;
        sumOfSquares *= factor;
        lastDay = Math.max(lastDay, day);
        return this;
    }

    void add(double value, double day) {
        at(day);
        weight += 1.0;
        sum += value;
        sumOfSquares += value * value;
    }

    double weight() {
        return weight;
    }

    double sum() {
        return sum;
    }

    double mean() {
        return sum / weight;
    }

    /** The population variance, never negative. */
    double variance() {
        double mean = mean();
        return Math.max(sumOfSquares / weight - mean * mean, 0.0);
    }
}
