package dev.tracklight.core.order;

import dev.tracklight.core.model.DelayAssessment;
import dev.tracklight.core.model.EtaWindow;
import dev.tracklight.core.model.Status;

import java.time.Instant;

/** One parcel of an order as its page lists it; its own page ({@code /t/{token}}) has the whole journey. */
public record OrderParcel(String token, String carrier, String trackingNumber, Status status, String lastMessage, EtaWindow eta,
                          DelayAssessment delay, Instant deliveredAt, Instant updatedAt) {
}
