package dev.tracklight.core.eta.engine;

/**
 * When to warn that a shipment will miss its promise: the probability of lateness above which warnings
 * have had the best F1 against what actually happened, learnt from resolved predictions only. Until ten
 * late deliveries have been seen it is 0.2 (half the F1 one can hope for: the optimum for calibrated
 * probabilities).
 */
final class LateWarningThreshold {

    private static final int BINS = 200;
    private static final double DEFAULT = 0.20;
    private static final int MINIMUM_LATE = 10;

    private final int[] late = new int[BINS];
    private final int[] onTime = new int[BINS];
    private int lateCount;

    /** Late counts per bin, then on-time counts per bin, to save and restore. */
    int[] state() {
        int[] state = java.util.Arrays.copyOf(late, 2 * BINS);
        System.arraycopy(onTime, 0, state, BINS, BINS);
        return state;
    }

    void restore(int[] state) {
        System.arraycopy(state, 0, late, 0, BINS);
        System.arraycopy(state, BINS, onTime, 0, BINS);
        lateCount = java.util.Arrays.stream(late).sum();
    }

    void add(double probabilityOfLateness, boolean wasLate) {
        int bin = Math.min(BINS - 1, (int) (probabilityOfLateness * BINS));
        if (wasLate) {
            late[bin]++;
            lateCount++;
        } else {
            onTime[bin]++;
        }
    }

    double threshold() {
        if (lateCount < MINIMUM_LATE) {
            return DEFAULT;
        }
        int truePositives = 0;
        int falsePositives = 0;
        double bestF1 = 0.0;
        double best = DEFAULT;
        for (int bin = BINS - 1; bin >= 0; bin--) {
            truePositives += late[bin];
            falsePositives += onTime[bin];
            if (truePositives > 0) {
                double f1 = 2.0 * truePositives / (truePositives + falsePositives + lateCount);
                if (f1 > bestF1) {
                    bestF1 = f1;
                    best = (double) bin / BINS;
                }
            }
        }
        return best;
    }
}
