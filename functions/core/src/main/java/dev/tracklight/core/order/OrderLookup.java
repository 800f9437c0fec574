package dev.tracklight.core.order;

import dev.tracklight.core.admission.Bounds;
import dev.tracklight.core.carriers.connect.RateLimit;
import dev.tracklight.core.model.Contact;
import dev.tracklight.core.model.Shipment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A consumer finding an order without its link: the shop, the order number, and the e-mail or postcode it was
 * ordered with. It matches when one of the order's parcels was sent to that e-mail or postcode; a lookup that does
 * not match is answered exactly as one for an order that does not exist, so nobody learns which orders do.
 */
public record OrderLookup(String shop, String orderNumber, String email, String postcode) {

    /** One reader asking again and again (a typo, a second parcel) is fine; guessing through a shop's orders is not. */
    public static final RateLimit PER_CLIENT = new RateLimit(10, Duration.ofMinutes(10));
    /** Postcodes are few: one order may be tried a handful of times an hour, from anywhere. */
    public static final RateLimit PER_ORDER = new RateLimit(5, Duration.ofHours(1));
    /** An issued id's characters only: a '#' would reach into another shop's keys. */
    private static final Pattern SHOP = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final int MAX_POSTCODE = 16;
    private static final int MAX_EMAIL = 254;

    /** What is wrong with the lookup as sent, each named; empty when it can be tried. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (shop == null || shop.length() > Bounds.ISSUED_ID || !SHOP.matcher(shop).matches()) {
            problems.add("shop is required: the shop's id as in its lookup link, at most " + Bounds.ISSUED_ID + " letters, digits, '-', '_' or '.'");
        }
        if (orderNumber == null || orderNumber.isBlank() || orderNumber.length() > Bounds.ORDER_ID) {
            problems.add("orderNumber is required, at most " + Bounds.ORDER_ID + " characters");
        }
        boolean hasEmail = email != null && !email.isBlank();
        boolean hasPostcode = postcode != null && !postcode.isBlank();
        if (hasEmail == hasPostcode) {
            problems.add("send either email or postcode, the one the order was placed with");
        }
        if (hasEmail && (email.length() > MAX_EMAIL || !email.contains("@"))) {
            problems.add("email must be an e-mail address of at most " + MAX_EMAIL + " characters");
        }
        if (hasPostcode && postcode.length() > MAX_POSTCODE) {
            problems.add("postcode has at most " + MAX_POSTCODE + " characters");
        }
        return problems;
    }

    /** Whether one of the order's parcels went to this consumer: the same e-mail, or the same postcode however spaced. */
    public boolean matches(List<Shipment> parcels) {
        if (email != null && !email.isBlank()) {
            String wanted = Contact.emailKey(email).orElseThrow();
            return parcels.stream().map(Shipment::contact).filter(Objects::nonNull)
                    .anyMatch(contact -> Contact.emailKey(contact.email()).map(wanted::equals).orElse(false));
        }
        String wanted = postcodeOf(postcode);
        return !wanted.isEmpty() && parcels.stream().map(Shipment::destination).filter(Objects::nonNull)
                .anyMatch(destination -> wanted.equals(postcodeOf(destination.postalCode())));
    }

    /** "sw1a 1aa", "SW1A1AA" and "SW1A-1AA" are one postcode. */
    private static String postcodeOf(String postcode) {
        return postcode == null ? "" : postcode.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
