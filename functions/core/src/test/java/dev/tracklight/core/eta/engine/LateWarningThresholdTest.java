package dev.tracklight.core.eta.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LateWarningThresholdTest {

    @Test
    void startsAtOneFifth() {
        assertThat(new LateWarningThreshold().threshold()).isEqualTo(0.20);
    }

    @Test
    void movesToWhereWarningsWouldHaveBeenRightMostOften() {
        LateWarningThreshold warning = new LateWarningThreshold();
        for (int i = 0; i < 50; i++) {
            warning.add(0.6 + i * 0.005, true);
            warning.add(0.05 + i * 0.004, false);
        }

        assertThat(warning.threshold()).isBetween(0.25, 0.6);
    }
}
