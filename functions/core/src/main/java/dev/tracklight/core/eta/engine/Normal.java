package dev.tracklight.core.eta.engine;

/** The standard normal distribution, used until enough residuals have been seen to use their own shape. */
final class Normal {

    private Normal() {
    }

    static double cdf(double z) {
        return 0.5 * (1.0 + erf(z / Math.sqrt(2.0)));
    }

    static double quantile(double p) {
        double lo = -10.0;
        double hi = 10.0;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (cdf(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** Abramowitz–Stegun 7.1.26 (error below 1.5e-7), enough for probabilities shown as percentages. */
    private static double erf(double x) {
        double sign = Math.signum(x);
        double a = Math.abs(x);
        double t = 1.0 / (1.0 + 0.3275911 * a);
        double y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
        return sign * y;
    }
}
