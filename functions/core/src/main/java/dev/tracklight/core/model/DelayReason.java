package dev.tracklight.core.model;

/**
 * Why a shipment is not on time, as a code the page words in the reader's language, with an English
 * sentence for API readers.
 */
public enum DelayReason {
    NO_SCAN_FOR_TOO_LONG("No carrier scan for %d hours; this stage usually takes at most %d."),
    PROMISE_PASSED("The promised delivery date has passed."),
    LIKELY_AFTER_PROMISE("The most likely arrival is after the promised date."),
    MAY_MISS_PROMISE("The arrival window reaches past the promised date."),
    DELIVERED_LATE("Delivered after the promised date.");

    private final String sentence;

    DelayReason(String sentence) {
        this.sentence = sentence;
    }

    public String sentence(Object... arguments) {
        return String.format(sentence, arguments);
    }
}
