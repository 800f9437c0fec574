package dev.tracklight.notify;

import dev.tracklight.aws.notify.ConsumerSender;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.queue.NotifyRequests;
import dev.tracklight.aws.store.BrandingStore;
import dev.tracklight.aws.store.NotificationStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.TenantSettingsStore;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.notify.ConsumerMessage;
import dev.tracklight.core.notify.ConsumerMessages;
import dev.tracklight.core.notify.MailFeedback;
import dev.tracklight.core.notify.Moment;
import dev.tracklight.core.notify.NotifyPreferences;
import dev.tracklight.core.notify.RecipientClock;
import dev.tracklight.core.notify.Subscriber;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Tells subscribed consumers: the confirmation a new subscriber must answer, and each moment of the parcel's journey
 * once, on the channels the merchant chose for it. A moment due in the recipient's quiet hours waits in the queue and
 * is looked at again (the parcel may have moved on meanwhile: the moment it is at then is the one told). A moment is
 * claimed before it is sent and given back when sending fails, so a retry sends it and a repeated announcement does not.
 */
public final class ConsumerNotifier {

    private final NotificationStore notifications;
    private final ShipmentStore shipments;
    private final BrandingStore branding;
    private final TenantSettingsStore settings;
    private final ConsumerSender sender;
    private final NotifyRequests queue;
    private final Links links;
    private final int recheckSeconds;
    private final Clock clock;

    /** Where messages link to: the public page, and the API a mail client's one-click unsubscribe posts to. */
    public record Links(String publicBaseUrl, String apiBaseUrl) {
    }

    /** @param recheckSeconds how long a message held by quiet hours waits before it is looked at again */
    public ConsumerNotifier(NotificationStore notifications, ShipmentStore shipments, BrandingStore branding, TenantSettingsStore settings,
                            ConsumerSender sender, NotifyRequests queue, Links links, int recheckSeconds, Clock clock) {
        this.notifications = notifications;
        this.shipments = shipments;
        this.branding = branding;
        this.settings = settings;
        this.sender = sender;
        this.queue = queue;
        this.links = links;
        this.recheckSeconds = recheckSeconds;
        this.clock = clock;
    }

    /** Sends a new subscriber its confirmation; nothing for one confirmed or stopped meanwhile. */
    public boolean sendConfirmation(String token) {
        Optional<Subscriber> pending = notifications.findByToken(token).filter(subscriber -> !subscriber.confirmed());
        Optional<Shipment> shipment = pending.flatMap(subscriber -> shipments.get(subscriber.shipmentId()));
        if (shipment.isEmpty()) {
            return false;
        }
        Subscriber subscriber = pending.get();
        ConsumerMessage message = ConsumerMessages.confirmation(shipment.get(), shopOf(shipment.get()), subscriber.locale(),
                links(shipment.get(), subscriber));
        sender.send(subscriber.channel(), subscriber.address(), subscriber.token(), message, null);
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
        NotifyPreferences preferences = settings.cached(shipment.get().tenantId()).notifyPreferences();
        int told = 0;
        RuntimeException unsent = null;
        // one subscriber whose message fails does not hold back the others; the retry finds theirs told
        for (Subscriber subscriber : confirmed) {
            try {
                told += tell(subscriber, shipment.get(), moment.get(), preferences) ? 1 : 0;
            } catch (RuntimeException failed) {
                unsent = failed;
            }
        }
        if (unsent != null) {
            throw unsent;
        }
        return told;
    }

    /** A message held through quiet hours, back from the queue: the parcel's moment now, unless it is still quiet. */
    public boolean released(String token) {
        Optional<Subscriber> subscriber = notifications.findByToken(token).filter(Subscriber::confirmed);
        Optional<Shipment> shipment = subscriber.flatMap(found -> shipments.get(found.shipmentId()));
        Optional<Moment> moment = shipment.flatMap(Moment::headline);
        return moment.isPresent()
                && tell(subscriber.get(), shipment.get(), moment.get(), settings.cached(shipment.get().tenantId()).notifyPreferences());
    }

    private boolean tell(Subscriber subscriber, Shipment shipment, Moment moment, NotifyPreferences preferences) {
        if (!preferences.sends(subscriber.channel(), moment)) {
            return false;
        }
        if (preferences.quietHours() != null && preferences.quietHours().isQuiet(clock.instant(), RecipientClock.offsetOf(shipment))) {
            if (!notifications.told(subscriber, moment)) {
                queue.hold(subscriber.token(), recheckSeconds);
                Telemetry.count("ConsumerMessagesHeld", 1, "channel", subscriber.channel().name());
            }
            return false;
        }
        switch (notifications.claim(subscriber, moment)) {
            case TOLD -> {
                return false;
            }
            // another attempt is sending it, or was cut off doing so: raising brings a retry after its lease
            case BUSY -> throw new IllegalStateException("moment " + moment + " of " + shipment.shipmentId() + " is being sent by another attempt");
            case CLAIMED -> {
            }
        }
        try {
            sender.send(subscriber.channel(), subscriber.address(), subscriber.token(),
                    ConsumerMessages.moment(moment, shipment, shopOf(shipment), subscriber.locale(), links(shipment, subscriber)),
                    oneClick(subscriber));
        } catch (RuntimeException refused) {
            notifications.release(subscriber, moment);
            throw refused;
        }
        notifications.markTold(subscriber, moment);
        Telemetry.count("ConsumerMessages", 1, "kind", moment.name(), "channel", subscriber.channel().name());
        return true;
    }

    /** What SES reported after accepting an e-mail: a permanent bounce or a complaint ends the subscription. */
    public boolean feedback(MailFeedback feedback) {
        Optional<Subscriber> subscriber = notifications.findByToken(feedback.subscriberToken());
        subscriber.ifPresent(notifications::remove);
        Telemetry.count("ConsumerMailFeedback", 1, "kind", feedback.kind().name(), "outcome", subscriber.isPresent() ? "ended" : "unknown");
        Telemetry.info("consumer e-mail feedback", "kind", feedback.kind().name(),
                "shipment_id", subscriber.map(Subscriber::shipmentId).orElse(null), "outcome", subscriber.isPresent() ? "sign-up ended" : "no sign-up");
        return subscriber.isPresent();
    }

    private ConsumerMessages.Shop shopOf(Shipment shipment) {
        return branding.cached(shipment.tenantId()).map(brand -> new ConsumerMessages.Shop(brand.name(), brand.logoUrl(), brand.primaryColor())).orElse(null);
    }

    /** The page in the subscriber's language, and the page again to confirm or stop (a link scanner's GET changes nothing). */
    private ConsumerMessages.Links links(Shipment shipment, Subscriber subscriber) {
        String page = links.publicBaseUrl() + "/t/" + shipment.trackingToken() + "?lang=" + subscriber.locale();
        return new ConsumerMessages.Links(page, page + "&confirm=" + subscriber.token(), page + "&unsubscribe=" + subscriber.token());
    }

    /** Where a mail client's one-click unsubscribe posts (RFC 8058). */
    private String oneClick(Subscriber subscriber) {
        return links.apiBaseUrl() + "/v1/notifications/" + subscriber.token() + "/unsubscribe";
    }
}
