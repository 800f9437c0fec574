package dev.tracklight.core.eta.engine;

/**
 * Weight, sum and sum of squares of observations that fade with age (time constant {@code tau} days), so
 * a lane's statistics follow the carrier's current speed. Decay is applied when the moments are extended;
 * reads decay on the fly without changing them.
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

    void add(double value, double day) {
        double factor = Decay.factor(lastDay, day, tau);
        weight = weight * factor + 1.0;
        sum = sum * factor + value;
        sumOfSquares = sumOfSquares * factor + value * value;
        lastDay = Math.max(lastDay, day);
    }

    /** The weight as of {@code day}; reading never changes the moments, so estimates can share them. */
    double weightAt(double day) {
        return weight * Decay.factor(lastDay, day, tau);
    }

    double sumAt(double day) {
        return sum * Decay.factor(lastDay, day, tau);
    }

    double mean() {
        return sum / weight;
    }

    /** Decay scales weight and sums alike, so the mean and the variance need no day. */
    double variance() {
        double mean = mean();
        return Math.max(sumOfSquares / weight - mean * mean, 0.0);
    }
}
