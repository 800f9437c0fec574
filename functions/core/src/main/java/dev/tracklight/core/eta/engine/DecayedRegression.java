package dev.tracklight.core.eta.engine;

/**
 * Least squares over fading observations, with a ridge that pulls the slopes (not the intercept) toward
 * prior values while data is thin. Keeps only the sufficient statistics: a p×p matrix and a p-vector.
 */
final class DecayedRegression {

    private final int size;
    private final double tau;
    private final double ridge;
    private final double[] priorSlopes;
    private final double[][] xx;
    private final double[] xy;
    private double weight;
    private double lastDay = Decay.NEVER;

    /** @param priorSlopes one value per feature; the first (the intercept) is not penalised */
    DecayedRegression(double tau, double ridge, double[] priorSlopes) {
        this.size = priorSlopes.length;
        this.tau = tau;
        this.ridge = ridge;
        this.priorSlopes = priorSlopes.clone();
        this.xx = new double[size][size];
        this.xy = new double[size];
    }

    RegressionState state() {
        double[][] copy = new double[size][];
        for (int i = 0; i < size; i++) {
            copy[i] = xx[i].clone();
        }
        return new RegressionState(copy, xy.clone(), weight, lastDay);
    }

    void restore(RegressionState state) {
        for (int i = 0; i < size; i++) {
            System.arraycopy(state.xx()[i], 0, xx[i], 0, size);
        }
        System.arraycopy(state.xy(), 0, xy, 0, size);
        weight = state.weight();
        lastDay = state.lastDay();
    }

    void add(double[] x, double y, double day) {
        double factor = Decay.factor(lastDay, day, tau);
        lastDay = Math.max(lastDay, day);
        weight = weight * factor + 1.0;
        for (int i = 0; i < size; i++) {
            xy[i] = xy[i] * factor + x[i] * y;
            for (int j = 0; j < size; j++) {
                xx[i][j] = xx[i][j] * factor + x[i] * x[j];
            }
        }
    }

    /** The coefficients as of {@code day}, or null with fewer than five observations or a singular system. */
    double[] coefficients(double day) {
        if (weight < 5) {
            return null;
        }
        double factor = Decay.factor(lastDay, day, tau);
        double[][] m = new double[size][size + 1];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                m[i][j] = xx[i][j] * factor + (i == j && i > 0 ? ridge : 0.0);
            }
            m[i][size] = xy[i] * factor + (i > 0 ? ridge * priorSlopes[i] : 0.0);
        }
        return solve(m);
    }

    /** Gauss–Jordan elimination with partial pivoting on an augmented matrix. */
    private double[] solve(double[][] m) {
        for (int column = 0; column < size; column++) {
            int pivot = column;
            for (int row = column + 1; row < size; row++) {
                if (Math.abs(m[row][column]) > Math.abs(m[pivot][column])) {
                    pivot = row;
                }
            }
            double[] swap = m[column];
            m[column] = m[pivot];
            m[pivot] = swap;
            if (Math.abs(m[column][column]) < 1e-12) {
                return null;
            }
            for (int row = 0; row < size; row++) {
                if (row != column) {
                    double g = m[row][column] / m[column][column];
                    for (int j = column; j <= size; j++) {
                        m[row][j] -= g * m[column][j];
                    }
                }
            }
        }
        double[] beta = new double[size];
        for (int i = 0; i < size; i++) {
            beta[i] = m[i][size] / m[i][i];
        }
        return beta;
    }
}
