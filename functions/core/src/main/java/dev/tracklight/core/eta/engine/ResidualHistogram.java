package dev.tracklight.core.eta.engine;

/**
 * The recent distribution of standardized log-transit residuals, as a fading histogram on [−6, 6]. It gives
 * the estimate its shape (transit times are right-skewed with a heavy tail) and absorbs a recent general
 * slowdown faster than the lane statistics do. Until it holds enough weight, the normal distribution stands in.
 */
final class ResidualHistogram {

    private static final double LOW = -6.0;
    private static final double HIGH = 6.0;
    private static final int BINS = 480;
    private static final double WIDTH = (HIGH - LOW) / BINS;
    private static final double MINIMUM_WEIGHT = 30.0;

    private final double tau;
    private final double[] counts = new double[BINS];
    /** Built on first read after a change; published whole, so concurrent readers never see it half filled. */
    private volatile double[] cumulative;
    private double lastDay = Decay.NEVER;

    ResidualHistogram(double tau) {
        this.tau = tau;
    }

    /** The bin weights followed by the last day, to save and restore. */
    double[] state() {
        double[] state = java.util.Arrays.copyOf(counts, BINS + 1);
        state[BINS] = lastDay;
        return state;
    }

    void restore(double[] state) {
        System.arraycopy(state, 0, counts, 0, BINS);
        lastDay = state[BINS];
        cumulative = null;
    }

    void add(double z, double day) {
        double factor = Decay.factor(lastDay, day, tau);
        lastDay = Math.max(lastDay, day);
        if (factor != 1.0) {
            for (int i = 0; i < BINS; i++) {
                counts[i] *= factor;
            }
        }
        counts[Math.min(BINS - 1, Math.max(0, (int) ((z - LOW) / WIDTH)))] += 1.0;
        cumulative = null;
    }

    /** The z below which a share {@code p} of residuals falls. */
    double quantile(double p) {
        double[] c = cumulative();
        if (c[BINS] < MINIMUM_WEIGHT) {
            return Normal.quantile(p);
        }
        double target = p * c[BINS];
        int bin = 0;
        while (bin < BINS - 1 && c[bin + 1] < target) {
            bin++;
        }
        double inBin = counts[bin] > 0 ? (target - c[bin]) / counts[bin] : 0.5;
        return LOW + WIDTH * (bin + Math.min(Math.max(inBin, 0.0), 1.0));
    }

    /** The share of residuals below {@code z}. */
    double cdf(double z) {
        double[] c = cumulative();
        if (c[BINS] < MINIMUM_WEIGHT) {
            return Normal.cdf(z);
        }
        double position = (z - LOW) / WIDTH;
        if (position <= 0) {
            return 0.0;
        }
        if (position >= BINS) {
            return 1.0;
        }
        int bin = (int) position;
        return (c[bin] + counts[bin] * (position - bin)) / c[BINS];
    }

    private double[] cumulative() {
        double[] built = cumulative;
        if (built == null) {
            built = new double[BINS + 1];
            for (int i = 0; i < BINS; i++) {
                built[i + 1] = built[i] + counts[i];
            }
            cumulative = built;
        }
        return built;
    }
}
