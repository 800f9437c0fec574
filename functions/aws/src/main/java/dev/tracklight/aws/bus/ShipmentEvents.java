package dev.tracklight.aws.bus;

import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.core.model.DelayAssessment;
import dev.tracklight.core.model.DelayStatus;
import dev.tracklight.core.model.EtaWindow;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.tracking.Announcement;
import dev.tracklight.core.tracking.DelaySignal;
import dev.tracklight.core.view.TrackingView;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Announces shipment changes on the EventBridge bus; rules in template.yaml route them. */
public final class ShipmentEvents {

    public static final String SOURCE = "tracklight.shipments";
    public static final String SHIPMENT_UPDATED = "ShipmentUpdated";
    public static final String SHIPMENT_DELAYED = "ShipmentDelayed";
    public static final String SHIPMENT_BACK_ON_TRACK = "ShipmentBackOnTrack";

    private static final int MAX_ENTRIES = 10;
    private static final int MAX_REQUEST_BYTES = 256 * 1024;
    private static final int ENTRY_MARGIN_BYTES = 128;

    private final EventBridgeClient eventBridge;
    private final String busName;

    public ShipmentEvents(EventBridgeClient eventBridge, String busName) {
        this.eventBridge = eventBridge;
        this.busName = busName;
    }

    /**
     * Announces each shipment's new view, after its changed delay verdict when it changed, in as few PutEvents
     * requests as the limits allow (10 entries, 256 KB).
     *
     * @return the shipments some of whose entries the bus refused: not announced, to be announced again
     */
    public Set<String> announce(List<Outgoing> announcements) {
        List<Entry> entries = new ArrayList<>();
        for (Outgoing announced : announcements) {
            Announcement announcement = announced.announcement();
            Shipment shipment = announcement.shipment();
            announcement.delaySignal().ifPresent(signal -> entries.add(new Entry(shipment.shipmentId(),
                    signal == DelaySignal.DELAYED ? SHIPMENT_DELAYED : SHIPMENT_BACK_ON_TRACK,
                    Json.write(new DelayChange(shipment.shipmentId(), shipment.tenantId(), shipment.version(), shipment.orderId(),
                            shipment.carrier(), shipment.trackingNumber(), announcement.previousDelay(), shipment.delay(), shipment.eta(),
                            announced.correlationId())))));
            entries.add(new Entry(shipment.shipmentId(), SHIPMENT_UPDATED,
                    Json.write(new ShipmentUpdated(shipment.shipmentId(), shipment.tenantId(), shipment.updatesWanted(), announced.view(),
                            announced.correlationId()))));
        }
        Set<String> refused = new HashSet<>();
        List<Entry> request = new ArrayList<>();
        int bytes = 0;
        for (Entry entry : entries) {
            if (request.size() == MAX_ENTRIES || bytes + entry.size() > MAX_REQUEST_BYTES) {
                refused.addAll(put(request));
                request.clear();
                bytes = 0;
            }
            request.add(entry);
            bytes += entry.size();
        }
        if (!request.isEmpty()) {
            refused.addAll(put(request));
        }
        return refused;
    }

    private Set<String> put(List<Entry> request) {
        var response = eventBridge.putEvents(put -> put.entries(request.stream().map(entry -> PutEventsRequestEntry.builder()
                .eventBusName(busName).source(SOURCE).detailType(entry.detailType()).detail(entry.detail()).build()).toList()));
        Set<String> refused = new HashSet<>();
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            for (int i = 0; i < request.size(); i++) {
                var result = response.entries().get(i);
                if (result.errorCode() != null) {
                    refused.add(request.get(i).shipmentId());
                    Telemetry.warn("bus refused an announcement", "shipment_id", request.get(i).shipmentId(),
                            "detail_type", request.get(i).detailType(), "error", result.errorCode() + ": " + result.errorMessage());
                }
            }
        }
        return refused;
    }

    /** One shipment's announcement with the view it shows and the journey that caused it (null: none, a re-announcement). */
    public record Outgoing(Announcement announcement, TrackingView view, String correlationId) {
    }

    private record Entry(String shipmentId, String detailType, String detail) {
        /** What EventBridge counts of an entry: its texts in UTF-8 (the time and bus name are covered by the margin). */
        int size() {
            return SOURCE.length() + detailType.length() + detail.getBytes(StandardCharsets.UTF_8).length + ENTRY_MARGIN_BYTES;
        }
    }

    /**
     * The detail of a {@code ShipmentUpdated} event.
     *
     * @param correlationId the journey that caused the change (absent when it was none: a re-announcement)
     */
    /** @param updatesWanted a consumer confirmed updates for it: the notifier's rule matches only these */
    public record ShipmentUpdated(String shipmentId, String tenantId, boolean updatesWanted, TrackingView view, String correlationId) {
    }

    /**
     * The detail of {@code ShipmentDelayed} and {@code ShipmentBackOnTrack}: the verdict, its detection moment in
     * it, and the shipment version that reached it.
     */
    public record DelayChange(String shipmentId, String tenantId, long version, String orderId, String carrier, String trackingNumber,
                              DelayStatus previous, DelayAssessment delay, EtaWindow eta, String correlationId) {
    }
}
