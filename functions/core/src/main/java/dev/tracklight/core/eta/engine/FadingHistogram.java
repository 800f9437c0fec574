package dev.tracklight.core.eta.engine;

import java.util.function.DoubleUnaryOperator;

/**
 * A recent distribution as a fading histogram on a fixed range: its quantiles and its CDF. Until it holds
 * enough weight, a known distribution stands in.
 */
final class FadingHistogram {

    private final double low;
    private final double width;
    private final int bins;
    private final double minimumWeight;
    private final DoubleUnaryOperator fallbackQuantile;
    private final DoubleUnaryOperator fallbackCdf;
    private final double tau;
    private final double[] counts;
    /** Built on first read after a change; published whole, so concurrent readers never see it half filled. */
    private volatile double[] cumulative;
    private double lastDay = Decay.NEVER;

    private FadingHistogram(double low, double high, int bins, double minimumWeight, DoubleUnaryOperator fallbackQuantile,
                            DoubleUnaryOperator fallbackCdf, double tau) {
        this.low = low;
        this.width = (high - low) / bins;
        this.bins = bins;
        this.minimumWeight = minimumWeight;
        this.fallbackQuantile = fallbackQuantile;
        this.fallbackCdf = fallbackCdf;
        this.tau = tau;
        this.counts = new double[bins];
    }

    /**
     * Standardized log-transit residuals on [−6, 6]: the estimate's shape (transit times are right-skewed with a
     * heavy tail), absorbing a recent general slowdown faster than the lane statistics do; normal until 30.
     */
    static FadingHistogram residuals(double tau) {
        return new FadingHistogram(-6.0, 6.0, 480, 30.0, Normal::quantile, Normal::cdf, tau);
    }

    /**
     * Probability levels on [0, 1] (where deliveries fell in the distributions predicted for them): how the
     * engine's own probabilities turned out, to recalibrate them; taken at their word until 50.
     */
    static FadingHistogram levels(double tau) {
        return new FadingHistogram(0.0, 1.0, 200, 50.0, p -> p, u -> u, tau);
    }

    /** The bin weights followed by the last day, to save and restore. */
    double[] state() {
        double[] state = java.util.Arrays.copyOf(counts, bins + 1);
        state[bins] = lastDay;
        return state;
    }

    void restore(double[] state) {
        System.arraycopy(state, 0, counts, 0, bins);
        lastDay = state[bins];
        cumulative = null;
    }

    void add(double z, double day) {
        double factor = Decay.factor(lastDay, day, tau);
        lastDay = Math.max(lastDay, day);
        if (factor != 1.0) {
            for (int i = 0; i < bins; i++) {
                counts[i] *= factor;
            }
        }
        counts[Math.min(bins - 1, Math.max(0, (int) ((z - low) / width)))] += 1.0;
        cumulative = null;
    }

    /** The value below which a share {@code p} falls. */
    double quantile(double p) {
        double[] c = cumulative();
        if (c[bins] < minimumWeight) {
            return fallbackQuantile.applyAsDouble(p);
        }
        double target = p * c[bins];
        int bin = 0;
        while (bin < bins - 1 && c[bin + 1] < target) {
            bin++;
        }
        double inBin = counts[bin] > 0 ? (target - c[bin]) / counts[bin] : 0.5;
        return low + width * (bin + Math.min(Math.max(inBin, 0.0), 1.0));
    }

    /** The share below {@code z}. */
    double cdf(double z) {
        double[] c = cumulative();
        if (c[bins] < minimumWeight) {
            return fallbackCdf.applyAsDouble(z);
        }
        double position = (z - low) / width;
        if (position <= 0) {
            return 0.0;
        }
        if (position >= bins) {
            return 1.0;
        }
        int bin = (int) position;
        return (c[bin] + counts[bin] * (position - bin)) / c[bins];
    }

    private double[] cumulative() {
        double[] built = cumulative;
        if (built == null) {
            built = new double[bins + 1];
            for (int i = 0; i < bins; i++) {
                built[i + 1] = built[i] + counts[i];
            }
            cumulative = built;
        }
        return built;
    }
}
