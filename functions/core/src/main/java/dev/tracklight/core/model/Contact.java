package dev.tracklight.core.model;

/** The consumer a shipment goes to. PII: it never leaves the merchant API except as a masked name. */
public record Contact(String name, String email, String phone) {
}
