package dev.tracklight.core.notify;

import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.Contact;
import dev.tracklight.core.model.DelayAssessment;
import dev.tracklight.core.model.DelayReason;
import dev.tracklight.core.model.DelayStatus;
import dev.tracklight.core.model.EtaBasis;
import dev.tracklight.core.model.EtaWindow;
import dev.tracklight.core.model.EventIds;
import dev.tracklight.core.model.Location;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.Shipment.Outlook;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.state.ShipmentFold;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerMessagesTest {

    private static final Instant T0 = Instant.parse("2026-12-03T01:00:00Z");
    private static final ConsumerMessages.Shop LOTUS = new ConsumerMessages.Shop("Lotus Tea House", "https://cdn.lotus.example/logo.png", "#0a6e4f");
    private static final ConsumerMessages.Links LINKS = new ConsumerMessages.Links("https://track.example/t/tok",
            "https://track.example/t/tok?confirm=sub", "https://api.example/v1/notifications/sub/unsubscribe");
    /** 13:00 – 17:00 in Shanghai on Thursday 3 December. */
    private static final EtaWindow AFTERNOON = new EtaWindow(Instant.parse("2026-12-03T05:00:00Z"), Instant.parse("2026-12-03T07:00:00Z"),
            Instant.parse("2026-12-03T09:00:00Z"), 0.8, EtaBasis.CARRIER_ESTIMATE, "+08:00", LocalDate.parse("2026-12-03"), 0.1, false);

    private static Shipment parcel(EtaWindow eta, DelayAssessment delay, String lastWords, Status... scans) {
        List<TrackingEvent> events = new ArrayList<>();
        for (int i = 0; i < scans.length; i++) {
            Instant at = T0.plus(Duration.ofHours(i));
            events.add(new TrackingEvent(EventIds.of("sf-express", "SF1", "c" + i, at, null), "sf-express", "SF1", at, "+08:00", false, at,
                    scans[i], null, null, "c" + i, i == scans.length - 1 ? lastWords : "scan " + i,
                    new Location("Shanghai", "SH", "CN", null, 31.2, 121.5), "test", null));
        }
        return Shipment.registered("tenant-a", "shp_1", "ORD-1", "sf-express", "SF1", null, null,
                        new Location("Shanghai", "SH", "CN", "200000", null, null), null, new Contact("Li Lei", "li@example.com", null), "tok", T0)
                .withProgress(ShipmentFold.fold(events), new Outlook(eta, delay, null), T0);
    }

    @Test
    void theHeadlineMomentIsTheMostPressingTheStateShows() {
        assertThat(Moment.headline(parcel(null, null, "label", Status.INFO_RECEIVED))).isEmpty();
        assertThat(Moment.headline(parcel(AFTERNOON, null, "picked up", Status.PICKED_UP))).contains(Moment.SHIPPED);
        assertThat(Moment.headline(parcel(AFTERNOON, null, "van", Status.PICKED_UP, Status.OUT_FOR_DELIVERY))).contains(Moment.OUT_FOR_DELIVERY);
        DelayAssessment late = DelayAssessment.of(DelayStatus.LATE, DelayReason.LIKELY_AFTER_PROMISE, T0);
        assertThat(Moment.headline(parcel(AFTERNOON, late, "hub", Status.PICKED_UP, Status.IN_TRANSIT))).contains(Moment.DELAYED);
        assertThat(Moment.headline(parcel(AFTERNOON, late, "van", Status.PICKED_UP, Status.OUT_FOR_DELIVERY)))
                .as("a late parcel on the van: its reader needs to know it comes today").contains(Moment.OUT_FOR_DELIVERY);
        assertThat(Moment.headline(parcel(AFTERNOON, late, "no one home", Status.PICKED_UP, Status.DELIVERY_ATTEMPTED))).contains(Moment.EXCEPTION);
        assertThat(Moment.headline(parcel(null, late, "front desk", Status.PICKED_UP, Status.DELIVERED))).contains(Moment.DELIVERED);
        assertThat(Moment.headline(parcel(null, null, "cancelled", Status.CANCELLED))).isEqualTo(Optional.empty());
    }

    @Test
    void aMomentSaysWhatHappenedWhenItArrivesInTheRecipientsTimeTheShopAndHowToStop() {
        ConsumerMessage message = ConsumerMessages.moment(Moment.OUT_FOR_DELIVERY,
                parcel(AFTERNOON, null, "With courier", Status.PICKED_UP, Status.OUT_FOR_DELIVERY), LOTUS, "en", LINKS);

        assertThat(message.subject()).isEqualTo("Your parcel from Lotus Tea House arrives today");
        assertThat(message.text()).startsWith("Parcel SF1 is out for delivery. Arriving Thu, Dec 3, 1:00 PM – 5:00 PM.")
                .contains("Follow it live: https://track.example/t/tok").contains("No more updates: " + LINKS.unsubscribe());
        assertThat(message.html()).contains("background:#0a6e4f").contains("href=\"" + LINKS.unsubscribe() + "\"")
                .contains("<img src=\"https://cdn.lotus.example/logo.png\" alt=\"\"");
        assertThat(ConsumerMessages.moment(Moment.SHIPPED, parcel(AFTERNOON, null, "x", Status.PICKED_UP),
                new ConsumerMessages.Shop("Plain", "http://insecure.example/logo.png", null), "en", LINKS).html())
                .as("a logo not over https is left out, and the colour falls back to Tracklight's").doesNotContain("<img").contains("#0a7d5a");
        assertThat(message.sms()).isEqualTo("Lotus Tea House: Parcel SF1 is out for delivery. Arriving Thu, Dec 3, 1:00 PM – 5:00 PM. "
                + LINKS.page());
    }

    @Test
    void inChineseTheCarrierHasItsChineseNameAndTimesAreTheRecipientsClock() {
        ConsumerMessage message = ConsumerMessages.moment(Moment.SHIPPED, parcel(AFTERNOON, null, "已揽收", Status.PICKED_UP), LOTUS, "zh-CN", LINKS);

        assertThat(message.subject()).isEqualTo("您在Lotus Tea House购买的包裹已发货");
        assertThat(message.text()).startsWith("顺丰速运已揽收您的包裹 SF1。 预计 12月3日 13:00 至 17:00 送达。").contains("退订通知：" + LINKS.unsubscribe());
        ConsumerMessage confirm = ConsumerMessages.confirmation(parcel(null, null, "x", Status.INFO_RECEIVED), LOTUS, "zh-CN", LINKS);
        assertThat(confirm.subject()).isEqualTo("请确认接收Lotus Tea House包裹的物流通知");
        assertThat(confirm.text()).contains(LINKS.confirm()).contains("如非本人操作");
    }

    @Test
    void theCarriersWordsAreEscapedAndTheEMailCarriesGmailsParcelDelivery() throws Exception {
        ConsumerMessage message = ConsumerMessages.moment(Moment.EXCEPTION,
                parcel(AFTERNOON, null, "Address <script>alert(1)</script> unknown", Status.PICKED_UP, Status.EXCEPTION), LOTUS, "en", LINKS);

        assertThat(message.html()).doesNotContain("<script>alert").doesNotContain("</script> unknown");
        String jsonLd = message.html().replaceFirst("(?s).*<script type=\"application/ld\\+json\">(.*?)</script>.*", "$1");
        Map<?, ?> delivery = Json.read(jsonLd.replace("<\\/", "</"), Map.class);
        assertThat(delivery.get("@type")).isEqualTo("ParcelDelivery");
        assertThat(delivery.get("trackingNumber")).isEqualTo("SF1");
        assertThat(delivery.get("trackingUrl")).isEqualTo(LINKS.page());
        assertThat(delivery.get("expectedArrivalUntil")).isEqualTo("2026-12-03T17:00+08:00");
        Map<?, ?> address = (Map<?, ?>) delivery.get("deliveryAddress");
        assertThat(address.get("addressLocality")).isEqualTo("Shanghai");
        assertThat(address.get("addressCountry")).isEqualTo("CN");
        assertThat(((Map<?, ?>) delivery.get("carrier")).get("name")).isEqualTo("SF Express");
        assertThat(((Map<?, ?>) ((Map<?, ?>) delivery.get("partOfOrder")).get("merchant")).get("name")).isEqualTo("Lotus Tea House");
    }

    @Test
    void aSubscriptionRequestIsAnEMailOrAPhoneWithItsCountryCode() {
        assertThat(new SubscriptionRequest(" Ann@Example.com ", null, "en").problems()).isEmpty();
        assertThat(new SubscriptionRequest(" Ann@Example.com ", null, "en").address()).isEqualTo("Ann@Example.com");
        assertThat(new SubscriptionRequest(null, "+86 138-0013 8000", "zh-CN").address()).isEqualTo("+8613800138000");
        assertThat(new SubscriptionRequest(null, "+86 138-0013 8000", "zh-CN").locale()).isEqualTo("zh-CN");
        assertThat(new SubscriptionRequest(null, "138 0013 8000", null).problems()).containsExactly(
                "phone must be a number with its country code, such as +86 138 0013 8000");
        assertThat(new SubscriptionRequest("ann@example.com", "+8613800138000", null).problems()).containsExactly("send either email or phone");
        assertThat(new SubscriptionRequest("not an address", null, null).problems()).hasSize(1);
    }

    @Test
    void quietHoursOverMidnightHoldOnTheRecipientsClockAndAMerchantChoosesTheMomentsOfEachChannel() {
        QuietHours night = new QuietHours(java.time.LocalTime.of(21, 0), java.time.LocalTime.of(8, 0));
        java.time.ZoneOffset shanghai = java.time.ZoneOffset.ofHours(8);
        assertThat(night.isQuiet(Instant.parse("2026-12-03T14:30:00Z"), shanghai)).as("22:30 in Shanghai").isTrue();
        assertThat(night.isQuiet(Instant.parse("2026-12-03T23:59:00Z"), shanghai)).as("07:59").isTrue();
        assertThat(night.isQuiet(Instant.parse("2026-12-04T00:00:00Z"), shanghai)).as("08:00").isFalse();
        assertThat(night.isQuiet(Instant.parse("2026-12-03T14:30:00Z"), java.time.ZoneOffset.UTC)).as("14:30 in London").isFalse();
        QuietHours lunch = new QuietHours(java.time.LocalTime.of(12, 0), java.time.LocalTime.of(13, 0));
        assertThat(lunch.isQuiet(Instant.parse("2026-12-03T04:30:00Z"), shanghai)).isTrue();
        assertThat(lunch.isQuiet(Instant.parse("2026-12-03T05:30:00Z"), shanghai)).isFalse();

        NotifyPreferences deliveredOnly = new NotifyPreferences(Map.of(NotifyChannel.EMAIL, java.util.Set.of(Moment.DELIVERED)), night);
        assertThat(deliveredOnly.sends(NotifyChannel.EMAIL, Moment.DELIVERED)).isTrue();
        assertThat(deliveredOnly.sends(NotifyChannel.EMAIL, Moment.SHIPPED)).isFalse();
        assertThat(deliveredOnly.sends(NotifyChannel.SMS, Moment.SHIPPED)).as("texts keep their defaults").isFalse();
        assertThat(deliveredOnly.sends(NotifyChannel.SMS, Moment.OUT_FOR_DELIVERY)).isTrue();
        assertThat(deliveredOnly.problems()).isEmpty();
        assertThat(new NotifyPreferences(Map.of(), new QuietHours(java.time.LocalTime.NOON, java.time.LocalTime.NOON)).problems()).hasSize(1);
    }
}
