package dev.tracklight.core.outbound;

import java.util.Arrays;
import java.util.Optional;

/** What a merchant can subscribe to, by the names sent in {@code type} and {@code Tracklight-Event-Type}. */
public enum WebhookEventType {
    /** Any change the consumer's page would show: status, ETA, delay verdict, details. */
    SHIPMENT_UPDATED("shipment.updated"),
    /** The delay verdict became AT_RISK, LATE or STALLED, or changed from one to another. */
    SHIPMENT_DELAYED("shipment.delayed"),
    /** A delayed shipment is on time or moving again. */
    SHIPMENT_BACK_ON_TRACK("shipment.back_on_track"),
    /** The shipment was delivered; sent once per shipment. */
    SHIPMENT_DELIVERED("shipment.delivered");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
