package dev.tracklight.core.carriers.connect;


/** What the source said to a subscription: following it (with its id), refusing the number, or refusing the credentials. */
public record SubscribeResult(SubscriptionState state, String externalId, String message) {

    public static SubscribeResult following(String externalId) {
        return new SubscribeResult(SubscriptionState.ACTIVE, externalId, null);
    }

    /** A source that pushes nothing: the number is followed by asking. */
    public static SubscribeResult polled() {
        return new SubscribeResult(SubscriptionState.POLLED, null, null);
    }

    public static SubscribeResult refused(String message) {
        return new SubscribeResult(SubscriptionState.REFUSED, null, message);
    }

    public static SubscribeResult credentialsRefused(String message) {
        return new SubscribeResult(SubscriptionState.CREDENTIALS_REFUSED, null, message);
    }
}
