package dev.tracklight.core.order;

import dev.tracklight.core.model.Contact;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderLookupTest {

    private static final Shipment PARCEL = Shipment.registered("tenant-a", "shp_1", "1001", "royal-mail", "RM1", null, null,
            new Location("London", null, "GB", "SW1A 1AA", null, null), null, new Contact("Ann Lee", "Ann.Lee@Example.com", null),
            "token-1", Instant.parse("2026-12-01T08:00:00Z"));

    @Test
    void theConsumersEMailOrPostcodeMatchesHoweverItIsWritten() {
        assertThat(new OrderLookup("shop", "1001", "  ann.lee@example.COM ", null).matches(List.of(PARCEL))).isTrue();
        assertThat(new OrderLookup("shop", "1001", null, "sw1a1aa").matches(List.of(PARCEL))).isTrue();
        assertThat(new OrderLookup("shop", "1001", null, "SW1A-1AA").matches(List.of(PARCEL))).isTrue();
    }

    @Test
    void anyOtherEMailOrPostcodeAndAnOrderWithoutParcelsDoNotMatch() {
        assertThat(new OrderLookup("shop", "1001", "bob@example.com", null).matches(List.of(PARCEL))).isFalse();
        assertThat(new OrderLookup("shop", "1001", null, "SW1A 1AB").matches(List.of(PARCEL))).isFalse();
        assertThat(new OrderLookup("shop", "1001", "ann.lee@example.com", null).matches(List.of())).isFalse();
        // an erased consumer is no longer found by what was erased
        Shipment erased = PARCEL.withMerchantDetails(null, null, new Location("London", null, "GB", null, null, null), PARCEL.createdAt());
        assertThat(new OrderLookup("shop", "1001", "ann.lee@example.com", null).matches(List.of(erased))).isFalse();
        assertThat(new OrderLookup("shop", "1001", null, "SW1A 1AA").matches(List.of(erased))).isFalse();
    }

    @Test
    void aLookupNamesEachThingItLacks() {
        assertThat(new OrderLookup(null, " ", null, null).problems()).containsExactly(
                "shop is required: the shop's id as in its lookup link, at most 64 letters, digits, '-', '_' or '.'",
                "orderNumber is required, at most 128 characters",
                "send either email or postcode, the one the order was placed with");
        assertThat(new OrderLookup("shop", "1001", "ann@example.com", "SW1A 1AA").problems())
                .containsExactly("send either email or postcode, the one the order was placed with");
        assertThat(new OrderLookup("shop", "1001", "not-an-address", null).problems()).hasSize(1);
        assertThat(new OrderLookup("shop", "1001", null, "1".repeat(40)).problems()).containsExactly("postcode has at most 16 characters");
        assertThat(new OrderLookup("shop", "1001", null, "SW1A 1AA").problems()).isEmpty();
        assertThat(new OrderLookup("tenant#other", "1001", null, "SW1A 1AA").problems()).as("no reach into another shop's keys").hasSize(1);
    }
}
