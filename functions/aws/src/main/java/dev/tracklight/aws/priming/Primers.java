package dev.tracklight.aws.priming;

import dev.tracklight.core.carriers.tracklight.TracklightAdapter;
import dev.tracklight.core.eta.ShipmentTransit;
import dev.tracklight.core.eta.engine.TransitEngine;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.state.ShipmentFold;
import dev.tracklight.core.tracking.Announced;
import dev.tracklight.core.tracking.ShipmentDecisions;
import dev.tracklight.core.tenant.TenantSettings;
import dev.tracklight.core.view.TrackingView;
import dev.tracklight.core.view.TrackingViews;
import dev.tracklight.core.webhook.WebhookRequest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The domain's hot paths, run once on fixed sample data: parse, verify, fold, view, JSON both ways. */
public final class Primers {

    private static final Instant SAMPLE_TIME = Instant.parse("2026-01-01T00:00:00Z");
    private static final String SAMPLE_BODY = "{\"carrier\":\"ups\",\"trackingNumber\":\"1Z0PRIMING\",\"events\":[{\"status\":"
            + "\"IN_TRANSIT\",\"code\":\"AR\",\"message\":\"Arrived\",\"occurredAt\":\"2026-01-01T00:00:00+08:00\","
            + "\"location\":{\"city\":\"Hangzhou\",\"lat\":30.2,\"lon\":120.1}}]}";

    private Primers() {
    }

    /** Everything a function's first invocation would otherwise load: the domain's paths and the SDK's request path. */
    public static void all() {
        domain();
        SdkPrimer.run();
    }

    /** Exercises the domain end to end without touching any service. */
    public static void domain() {
        var adapter = new TracklightAdapter(Clock.fixed(SAMPLE_TIME, ZoneOffset.UTC));
        var request = new WebhookRequest(Map.of(
                TracklightAdapter.TIMESTAMP_HEADER, Long.toString(SAMPLE_TIME.getEpochSecond()),
                TracklightAdapter.SIGNATURE_HEADER, TracklightAdapter.signature("priming", SAMPLE_TIME.getEpochSecond(), SAMPLE_BODY)),
                SAMPLE_BODY, SAMPLE_TIME);
        try {
            adapter.verify(request, "priming");
            List<TrackingEvent> events = adapter.parse(request);
            TrackingEvent event = Json.read(Json.write(events.getFirst()), TrackingEvent.class);
            Shipment registered = Shipment.registered("t", "s", null, "ups", "1Z0PRIMING", null, null, null, null, null,
                    "token", SAMPLE_TIME);
            var progress = ShipmentFold.advance(registered.progress(), List.of(event));
            new TransitEngine(ShipmentTransit.clock(registered)).predict(
                    ShipmentTransit.features(registered, SAMPLE_TIME, ZoneOffset.UTC), SAMPLE_TIME.atOffset(ZoneOffset.UTC).toLocalDateTime());
            Shipment shipment = ShipmentDecisions.decide(registered, progress, Optional.empty(), TenantSettings.NONE.policyFor("ups"), SAMPLE_TIME).next();
            ShipmentDecisions.announcement(shipment, Announced.NOTHING);
            Json.read(Json.write(Json.read(Json.write(shipment), Shipment.class)), Shipment.class);
            Json.read(Json.write(TrackingViews.of(shipment, List.of(event))), TrackingView.class);
        } catch (ProblemException e) {
            throw new IllegalStateException("the priming sample is invalid: " + e.problem().detail(), e);
        }
    }
}
