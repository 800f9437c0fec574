package dev.tracklight.core.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingNumbersTest {

    @Test
    void keepsOnlyLettersAndDigitsInUpperCase() {
        assertThat(TrackingNumbers.normalize("  1z 999-aa1\u00a00123456784\t")).isEqualTo("1Z999AA10123456784");
        assertThat(TrackingNumbers.normalize("sf1234567890")).isEqualTo("SF1234567890");
        assertThat(TrackingNumbers.normalize(null)).isNull();
    }

    @Test
    void carrierCodesAreTrimmedAndLowerCase() {
        assertThat(TrackingNumbers.normalizeCarrier(" UPS ")).isEqualTo("ups");
    }
}
