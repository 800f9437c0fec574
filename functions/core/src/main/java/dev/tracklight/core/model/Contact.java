package dev.tracklight.core.model;

import dev.tracklight.core.ids.Sha256;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The consumer a shipment goes to. PII: it never leaves the merchant API except as a masked name. */
public record Contact(String name, String email, String phone) {

    /** A contact from a channel's fields, blanks as absent; null when nothing is left. */
    public static Contact ifAny(String name, String email, String phone) {
        String named = name == null || name.isBlank() ? null : name;
        return named == null && email == null && phone == null ? null : new Contact(named, email, phone);
    }


    /**
     * What finds this consumer's shipments for a privacy export or erasure: the e-mail (trimmed, lower-cased)
     * and the phone (digits only), each hashed so the lookup itself holds no PII.
     */
    public List<String> lookupKeys() {
        List<String> keys = new ArrayList<>(2);
        emailKey(email).ifPresent(keys::add);
        phoneKey(phone).ifPresent(keys::add);
        return keys;
    }

    public static Optional<String> emailKey(String email) {
        return email == null || email.isBlank() ? Optional.empty()
                : Optional.of("email:" + Sha256.hex(email.trim().toLowerCase(Locale.ROOT)));
    }

    public static Optional<String> phoneKey(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        return digits.isEmpty() ? Optional.empty() : Optional.of("phone:" + Sha256.hex(digits));
    }
}
