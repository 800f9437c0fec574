package dev.tracklight.core.webhook;

/**
 * What a webhook secret must be to protect anything: an empty one makes HMAC sources unverifiable and
 * token sources open to an empty token, a short one can be guessed. Ours are 256 random bits; a secret a
 * carrier account dictates (a Kuaidi100 salt, an EasyPost webhook secret) is chosen long enough there.
 */
public final class WebhookSecrets {

    public static final int MIN_LENGTH = 16;

    private WebhookSecrets() {
    }

    /** @throws IllegalArgumentException saying what a secret needs, when this one is blank or short */
    public static String require(String secret) {
        if (secret == null || secret.isBlank() || secret.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException("a webhook secret needs at least " + MIN_LENGTH
                    + " characters (leave it out to have one drawn: 256 random bits)");
        }
        return secret;
    }
}
