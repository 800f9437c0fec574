package dev.tracklight.core.view;

import dev.tracklight.core.carriers.connect.Subscription;
import dev.tracklight.core.model.Status;

/**
 * Why a page that has not moved yet may stay so, in words a consumer can act on (the page words them): the carrier
 * does not know the number, or the shop's connection to the carrier is not working. Shown only before the first
 * scan, and never with the merchant's own details.
 */
public enum CarrierNotice {
    /** The source refused the number: mistyped, or the label is not in the carrier's system yet. */
    NUMBER_NOT_KNOWN,
    /** Nothing follows the number at the carrier for the shop (no account, refused credentials, unreachable). */
    NOT_CONNECTED;

    /** Whether a shipment in this status can have a notice: only before the carrier has scanned it. */
    public static boolean applies(Status status) {
        return status == Status.PENDING || status == Status.INFO_RECEIVED;
    }

    /** The notice for a shipment with this status and subscription, or null when there is nothing to say. */
    public static CarrierNotice of(Status status, Subscription subscription) {
        if (subscription == null || !applies(status)) {
            return null;
        }
        return switch (subscription.state()) {
            case REFUSED -> NUMBER_NOT_KNOWN;
            case NO_ACCOUNT, CREDENTIALS_REFUSED, FAILED -> NOT_CONNECTED;
            default -> null;
        };
    }
}
