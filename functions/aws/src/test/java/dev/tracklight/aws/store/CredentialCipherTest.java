package dev.tracklight.aws.store;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialCipherTest {

    private final CredentialCipher cipher = new CredentialCipher("the-current-key-material", Optional.empty());

    @Test
    void sealedCredentialsOpenOnlyForTheirTenantAndSource() {
        String sealed = cipher.seal("{\"apiKey\":\"EZTK123\"}", "tenant-a", "easypost");

        assertThat(sealed).doesNotContain("EZTK123");
        assertThat(cipher.open(sealed, "tenant-a", "easypost")).isEqualTo("{\"apiKey\":\"EZTK123\"}");
        assertThatThrownBy(() -> cipher.open(sealed, "tenant-b", "easypost")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(sealed, "tenant-a", "17track")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRotatedKeyStillOpensWhatTheOldOneSealedAndSealsWithTheNewOne() {
        String old = cipher.seal("secret", "tenant-a", "easypost");
        CredentialCipher rotated = new CredentialCipher("the-next-key-material", Optional.of("the-current-key-material"));

        assertThat(rotated.open(old, "tenant-a", "easypost")).isEqualTo("secret");
        String resealed = rotated.seal("secret", "tenant-a", "easypost");
        assertThatThrownBy(() -> cipher.open(resealed, "tenant-a", "easypost")).as("the old key alone does not open the new")
                .isInstanceOf(IllegalStateException.class);
        assertThat(rotated.seal("secret", "tenant-a", "easypost")).as("a fresh IV every time").isNotEqualTo(resealed);
    }
}
