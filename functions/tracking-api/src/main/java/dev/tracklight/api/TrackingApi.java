package dev.tracklight.api;

import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.TenantSettingsStore;
import dev.tracklight.aws.tracking.ShipmentRegistry;
import dev.tracklight.aws.tracking.ShipmentRegistry.Registration;
import dev.tracklight.core.delay.Stage;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.model.Shipment;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.tenant.TenantSettings;
import dev.tracklight.core.view.TrackingView;
import dev.tracklight.core.view.TrackingViews;
import jakarta.json.bind.JsonbException;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The JSON tracking API: the consumer's public view and the merchant's shipment routes. */
public final class TrackingApi {

    private final ShipmentStore shipments;
    private final ShipmentRegistry registry;
    private final ApiKeyStore apiKeys;
    private final TenantSettingsStore settings;
    private final String publicBaseUrl;

    public TrackingApi(ShipmentStore shipments, ShipmentRegistry registry, ApiKeyStore apiKeys, TenantSettingsStore settings,
                       String publicBaseUrl) {
        this.shipments = shipments;
        this.registry = registry;
        this.apiKeys = apiKeys;
        this.settings = settings;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** {@code GET /v1/track/{token}}: what the tracking page shows, no authentication, no PII. */
    public TrackingView track(String token) throws ProblemException {
        Shipment shipment = Optional.ofNullable(token).flatMap(shipments::findByToken)
                .orElseThrow(() -> new ProblemException(Problem.notFound("no shipment for this tracking link")));
        return TrackingViews.of(shipment, shipments.events(shipment.shipmentId()));
    }

    /** {@code POST /v1/shipments}. */
    public ShipmentResource register(String authorization, String body) throws ProblemException {
        String tenantId = tenant(authorization);
        Registration registration;
        try {
            registration = Json.read(body, Registration.class);
        } catch (JsonbException e) {
            throw new ProblemException(Problem.badRequest("body is not a valid shipment registration"));
        }
        if (registration == null || isBlank(registration.trackingNumber())) {
            throw new ProblemException(Problem.badRequest("trackingNumber is required (carrier is optional: detected from the number when absent)"));
        }
        return resource(registry.register(tenantId, registration));
    }

    /** {@code GET /v1/shipments/{id}}: another tenant's shipment is indistinguishable from a missing one. */
    public ShipmentResource get(String authorization, String shipmentId) throws ProblemException {
        String tenantId = tenant(authorization);
        return Optional.ofNullable(shipmentId).flatMap(shipments::get)
                .filter(shipment -> shipment.tenantId().equals(tenantId))
                .map(this::resource)
                .orElseThrow(() -> new ProblemException(Problem.notFound("no shipment " + shipmentId)));
    }

    /** {@code GET /v1/settings}: the caller's delay thresholds. */
    public TenantSettings settings(String authorization) throws ProblemException {
        return settings.read(tenant(authorization));
    }

    /** {@code PUT /v1/settings}: replaces the caller's delay thresholds; they apply to the next judgement of each shipment. */
    public TenantSettings replaceSettings(String authorization, String body) throws ProblemException {
        String tenantId = tenant(authorization);
        TenantSettings replacement;
        try {
            replacement = Json.read(body, TenantSettings.class);
        } catch (JsonbException e) {
            throw new ProblemException(Problem.badRequest("body is not valid settings: stages are "
                    + Arrays.toString(Stage.values()) + ", hours whole numbers"));
        }
        if (replacement == null) {
            throw new ProblemException(Problem.badRequest("send the settings as a JSON object"));
        }
        List<String> problems = replacement.problems();
        if (!problems.isEmpty()) {
            throw new ProblemException(Problem.of(422, "Invalid settings", String.join("; ", problems)));
        }
        settings.write(tenantId, replacement);
        return replacement;
    }

    private String tenant(String authorization) throws ProblemException {
        return Optional.ofNullable(authorization)
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim())
                .flatMap(apiKeys::tenantOf)
                .orElseThrow(() -> new ProblemException(Problem.unauthorized("send a valid API key as 'Authorization: Bearer <key>'")));
    }

    private ShipmentResource resource(Shipment shipment) {
        return new ShipmentResource(shipment.shipmentId(), shipment.orderId(), shipment.carrier(),
                shipment.trackingNumber(), shipment.status(), shipment.subStatus(), shipment.promisedDelivery(),
                publicBaseUrl + "/t/" + shipment.trackingToken(), shipment.version(), shipment.createdAt(),
                shipment.updatedAt(), shipment.carrierChoice(), shipment.eta(), shipment.etaRevisions(), shipment.delay());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
