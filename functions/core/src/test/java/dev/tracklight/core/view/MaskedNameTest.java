package dev.tracklight.core.view;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskedNameTest {

    @Test
    void keepsTheFamilyNameOfAChineseName() {
        assertThat(MaskedName.of("张三丰")).isEqualTo("张**");
        assertThat(MaskedName.of("李四")).isEqualTo("李*");
    }

    @Test
    void keepsEachInitialOfOtherNames() {
        assertThat(MaskedName.of("  Jane  Q. Doe ")).isEqualTo("J*** Q*** D***");
    }

    @Test
    void noNameIsNoName() {
        assertThat(MaskedName.of(null)).isNull();
        assertThat(MaskedName.of(" ")).isNull();
    }
}
