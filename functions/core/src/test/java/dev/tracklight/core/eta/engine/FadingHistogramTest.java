package dev.tracklight.core.eta.engine;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FadingHistogramTest {

    @Test
    void standsInWithTheNormalDistributionUntilItHasSeenEnough() {
        FadingHistogram empty = FadingHistogram.residuals(45);

        assertThat(empty.quantile(0.5)).isCloseTo(0.0, within(1e-6));
        assertThat(empty.quantile(0.9)).isCloseTo(1.2816, within(1e-3));
        assertThat(empty.cdf(1.2816)).isCloseTo(0.9, within(1e-3));
    }

    @Test
    void learnsASkewedShapeAndItsQuantilesInvertItsDistribution() {
        FadingHistogram skewed = FadingHistogram.residuals(45);
        Random random = new Random(3);
        for (int i = 0; i < 5_000; i++) {
            skewed.add(-Math.log(random.nextDouble()) - 1.0, i / 100.0); // exponential, mean 0, right tail
        }

        assertThat(skewed.quantile(0.5)).as("median of Exp(1) − 1").isCloseTo(Math.log(2) - 1.0, within(0.08));
        for (double p : new double[] {0.1, 0.5, 0.9, 0.98}) {
            assertThat(skewed.cdf(skewed.quantile(p))).isCloseTo(p, within(0.01));
        }
    }

    @Test
    void forgetsOldResidualsSoARecentSlowdownShows() {
        FadingHistogram histogram = FadingHistogram.residuals(45);
        for (int day = 0; day < 300; day++) {
            histogram.add(0.0, day);
        }
        for (int day = 300; day < 360; day++) {
            histogram.add(1.0, day);
        }

        assertThat(histogram.quantile(0.5)).as("60 days of slower parcels outweigh 300 older days").isGreaterThan(0.5);
    }

    @Test
    void levelsAreTakenAtTheirWordUntilFiftyThenTellHowTheyTurnedOut() {
        // GIVEN probability levels at which deliveries fell: ever later than predicted (uniform on [0.3, 1])
        FadingHistogram levels = FadingHistogram.levels(60);
        Random random = new Random(5);
        for (int i = 0; i < 49; i++) {
            levels.add(0.3 + 0.7 * random.nextDouble(), i / 10.0);
        }
        assertThat(levels.quantile(0.9)).as("49 seen: the nominal level").isEqualTo(0.9);

        for (int i = 49; i < 3_000; i++) {
            levels.add(0.3 + 0.7 * random.nextDouble(), i / 10.0);
        }

        // THEN a window edge meant for 10 % is read at the level under which 10 % fell, and so on
        assertThat(levels.quantile(0.1)).isCloseTo(0.37, within(0.02));
        assertThat(levels.cdf(0.3)).isCloseTo(0.0, within(0.01));
        assertThat(levels.cdf(0.65)).isCloseTo(0.5, within(0.03));
    }
}
