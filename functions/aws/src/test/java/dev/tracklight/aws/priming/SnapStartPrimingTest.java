package dev.tracklight.aws.priming;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** No CRaC JVM here: the hooks are called directly, as SnapStart would before the snapshot. */
class SnapStartPrimingTest {

    @Test
    void theCheckpointHookRunsThePrimer() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        SnapStartPriming priming = SnapStartPriming.register(runs::incrementAndGet);

        priming.beforeCheckpoint(null);
        priming.afterRestore(null);

        assertThat(runs).hasValue(1);
    }

    @Test
    void thePrimersRunOnTheirFixedSampleAndSendNothing() {
        assertThatCode(Primers::all).doesNotThrowAnyException();
    }
}
