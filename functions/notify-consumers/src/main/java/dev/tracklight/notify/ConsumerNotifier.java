package dev.tracklight.notify;

import dev.tracklight.aws.notify.ConsumerSender;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.store.BrandingStore;
import dev.tracklight.aws.store.NotificationStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.notify.ConsumerMessage;
import dev.tracklight.core.notify.ConsumerMessages;
import dev.tracklight.core.notify.Moment;
import dev.tracklight.core.notify.Subscriber;
import dev.tracklight.core.tenant.Branding;

import java.util.List;
import java.util.Optional;

/**
 * Tells subscribed consumers: the confirmation a new subscriber must answer, and each moment of the parcel's journey
 * once. A moment is claimed before it is sent and given back when sending fails, so a retry sends it and a repeated
 * announcement does not.
 */
public final class ConsumerNotifier {

    private final NotificationStore notifications;
    private final ShipmentStore shipments;
    private final BrandingStore branding;
    private final ConsumerSender sender;
    private final String publicBaseUrl;
    private final String apiBaseUrl;

    public ConsumerNotifier(NotificationStore notifications, ShipmentStore shipments, BrandingStore branding, ConsumerSender sender,
                            String publicBaseUrl, String apiBaseUrl) {
        this.notifications = notifications;
        this.shipments = shipments;
        this.branding = branding;
        this.sender = sender;
        this.publicBaseUrl = publicBaseUrl;
        this.apiBaseUrl = apiBaseUrl;
    }

    /** Sends a new subscriber its confirmation; nothing for one confirmed or stopped meanwhile. */
    public boolean sendConfirmation(String token) {
        Optional<Subscriber> pending = notifications.findByToken(token).filter(subscriber -> !subscriber.confirmed());
        Optional<Shipment> shipment = pending.flatMap(subscriber -> shipments.get(subscriber.shipmentId()));
        if (shipment.isEmpty()) {
            return false;
        }
        Subscriber subscriber = pending.get();
        ConsumerMessage message = ConsumerMessages.confirmation(shipment.get(), brandOf(shipment.get()), subscriber.locale(),
                links(shipment.get(), subscriber));
        sender.send(subscriber.channel(), subscriber.address(), message, null);
        Telemetry.count("ConsumerMessages", 1, "kind", "CONFIRMATION", "channel", subscriber.channel().name());
        return true;
    }

    /** Tells the shipment's confirmed subscribers the moment its state shows, each once; returns how many were told. */
    public int announce(String shipmentId) {
        List<Subscriber> confirmed = notifications.subscribers(shipmentId).stream().filter(Subscriber::confirmed).toList();
        if (confirmed.isEmpty()) {
            return 0; // most shipments: one query, nothing else
        }
        Optional<Shipment> shipment = shipments.get(shipmentId);
        Optional<Moment> moment = shipment.flatMap(Moment::headline);
        if (moment.isEmpty()) {
            return 0;
        }
        Branding brand = brandOf(shipment.get());
        int told = 0;
        for (Subscriber subscriber : confirmed) {
            if (!Moment.defaultsFor(subscriber.channel()).contains(moment.get()) || !notifications.claim(subscriber, moment.get())) {
                continue;
            }
            ConsumerMessages.Links links = links(shipment.get(), subscriber);
            try {
                sender.send(subscriber.channel(), subscriber.address(),
                        ConsumerMessages.moment(moment.get(), shipment.get(), brand, subscriber.locale(), links), oneClick(subscriber));
            } catch (RuntimeException refused) {
                notifications.release(subscriber, moment.get());
                throw refused;
            }
            Telemetry.count("ConsumerMessages", 1, "kind", moment.get().name(), "channel", subscriber.channel().name());
            told++;
        }
        return told;
    }

    private Branding brandOf(Shipment shipment) {
        return branding.cached(shipment.tenantId()).orElse(null);
    }

    /** The page in the subscriber's language, and the page again to confirm or stop (a link scanner's GET changes nothing). */
    private ConsumerMessages.Links links(Shipment shipment, Subscriber subscriber) {
        String page = publicBaseUrl + "/t/" + shipment.trackingToken() + "?lang=" + subscriber.locale();
        return new ConsumerMessages.Links(page, page + "&confirm=" + subscriber.token(), page + "&unsubscribe=" + subscriber.token());
    }

    /** Where a mail client's one-click unsubscribe posts (RFC 8058). */
    private String oneClick(Subscriber subscriber) {
        return apiBaseUrl + "/v1/notifications/" + subscriber.token() + "/unsubscribe";
    }
}
