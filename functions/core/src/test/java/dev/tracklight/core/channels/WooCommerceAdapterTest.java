package dev.tracklight.core.channels;

import dev.tracklight.core.channels.ChannelChange.Cancelled;
import dev.tracklight.core.channels.ChannelChange.Fulfilled;
import dev.tracklight.core.channels.ChannelChange.OrderPlaced;
import dev.tracklight.core.channels.woocommerce.WooCommerceAdapter;
import dev.tracklight.core.fixtures.Fixtures;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.HmacSha256;
import dev.tracklight.core.webhook.WebhookRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** WooCommerce's REST order sample with a Shipment Tracking item (events/channels/woocommerce/), signed as WooCommerce signs. */
class WooCommerceAdapterTest {

    private static final String SECRET = "woo-webhook-secret";
    private final WooCommerceAdapter adapter = new WooCommerceAdapter();

    @Test
    void anOrderWithATrackingItemGivesTheRecipientAndOneFulfilment() throws Exception {
        String body = Fixtures.read("channels/woocommerce/order_updated.json");
        var request = new WebhookRequest(Map.of("X-WC-Webhook-Topic", "order.updated", "X-WC-Webhook-Delivery-ID", "d-1",
                "X-WC-Webhook-Signature", HmacSha256.signBase64(SECRET, body)), body, Instant.now());
        adapter.verify(request, SECRET);

        var changes = adapter.parse(request).changes();

        OrderPlaced order = (OrderPlaced) changes.get(0);
        Fulfilled fulfilled = (Fulfilled) changes.get(1);
        assertThat(order.orderId()).isEqualTo("727");
        assertThat(order.recipient().name()).isEqualTo("John Doe");
        assertThat(order.recipient().email()).isEqualTo("john.doe@example.com");
        assertThat(order.destination().postalCode()).isEqualTo("94103");
        // WooCommerce's *_gmt times carry no offset: UTC by their name
        assertThat(order.placedAt()).isEqualTo(Instant.parse("2017-03-22T19:28:02Z"));
        assertThat(order.paidAt()).isEqualTo(Instant.parse("2017-03-22T19:28:08Z"));
        assertThat(order.orderNumber()).isEqualTo("727");
        assertThat(fulfilled.carrier()).isEqualTo("usps");
        assertThat(fulfilled.trackingNumbers()).containsExactly("9400111899560000000000");
        assertThat(fulfilled.fulfillmentId()).isEqualTo("7f4978c390ee633c6294ae0f258656f9");
    }

    @Test
    void aCancelledOrderIsACancellationAtItsModificationTimeInUtc() throws Exception {
        String body = Fixtures.read("channels/woocommerce/order_updated.json").replace("\"status\": \"completed\"", "\"status\": \"cancelled\"");
        String badDate = body.replace("\"date_modified_gmt\": \"2017-03-22T19:30:35\"", "\"date_modified_gmt\": \"yesterday\"");

        var changes = adapter.parse(new WebhookRequest(Map.of("X-WC-Webhook-Topic", "order.updated"), body, Instant.now())).changes();

        assertThat(changes.getLast()).isEqualTo(new Cancelled("727", null, Instant.parse("2017-03-22T19:30:35Z")));
        assertThat(changes).as("its tracking is registered first, then cancelled").hasSize(3);
        assertThatThrownBy(() -> adapter.parse(new WebhookRequest(Map.of("X-WC-Webhook-Topic", "order.updated"), badDate, Instant.now())))
                .isInstanceOf(ProblemException.class).hasMessageContaining("date_modified_gmt");
    }

    @Test
    void itsUnsignedPingIsRecognisedAndAnythingElseUnsignedIsRefused() {
        var ping = new WebhookRequest(Map.of("Content-Type", "application/x-www-form-urlencoded"), "webhook_id=15", Instant.now());
        var unsigned = new WebhookRequest(Map.of("X-WC-Webhook-Topic", "order.updated"), "{\"id\":1}", Instant.now());

        assertThat(adapter.isPing(ping)).isTrue();
        assertThat(adapter.isPing(unsigned)).isFalse();
        assertThatThrownBy(() -> adapter.verify(unsigned, SECRET)).isInstanceOf(ProblemException.class);
    }
}
