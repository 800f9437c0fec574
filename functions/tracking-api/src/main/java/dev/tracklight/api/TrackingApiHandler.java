package dev.tracklight.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.observe.Telemetry;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.runtime.EventHandler;
import dev.tracklight.aws.http.HttpRequests;
import dev.tracklight.aws.http.HttpResponses;
import dev.tracklight.aws.http.StorageFailures;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Map;
import java.util.Optional;

import static dev.tracklight.aws.http.HttpRequests.body;
import static dev.tracklight.aws.http.HttpRequests.header;
import static dev.tracklight.aws.http.HttpRequests.mediaType;
import static dev.tracklight.aws.http.HttpRequests.pathParameter;

/** Routes the {@code /v1} HTTP API routes declared in template.yaml (and described in openapi.json). */
public final class TrackingApiHandler extends EventHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Telemetry telemetry = Telemetry.forService("tracking-api");
    private final MerchantApi api;

    public TrackingApiHandler() {
        this(FunctionEnvironment.system());
    }

    public TrackingApiHandler(FunctionEnvironment env) {
        this(MerchantApi.wire(env, new AwsClients(env)));
    }

    public TrackingApiHandler(MerchantApi api) {
        super(APIGatewayV2HTTPEvent.class);
        this.api = api;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        String correlationId = HttpRequests.correlationId(event);
        return HttpResponses.correlated(telemetry.around(context, correlationId, () -> answer(event)), correlationId);
    }

    private APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event) {
        try {
            return route(event);
        } catch (ProblemException e) {
            return HttpResponses.problem(e.problem());
        } catch (SdkException e) {
            Telemetry.error("storage refused or unavailable", e, "route", event.getRouteKey());
            return HttpResponses.problem(StorageFailures.problem(e, "storage is unavailable; retry shortly"));
        }
    }

    private APIGatewayV2HTTPResponse route(APIGatewayV2HTTPEvent event) throws ProblemException {
        String authorization = header(event, "authorization").orElse(null);
        String id = pathParameter(event, "id").orElse(null);
        String prefix = pathParameter(event, "prefix").orElse(null);
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
        return switch (event.getRouteKey()) {
            case "GET /v1/openapi.json" -> HttpResponses.of(200, "application/json", OpenApiDocument.json());
            case "GET /v1/track/{token}" -> ok(api.tracking().track(pathParameter(event, "token").orElse(null)));
            case "POST /v1/track/{token}/subscriptions" -> HttpResponses.json(202, api.notifications().subscribe(
                    pathParameter(event, "token").orElse(null), jsonBody(event)));
            case "POST /v1/notifications/{token}/confirm" -> ok(api.notifications().confirm(pathParameter(event, "token").orElse(null)));
            // a mail client's one-click unsubscribe posts a form (RFC 8058): the body says nothing the token does not
            case "POST /v1/notifications/{token}/unsubscribe" -> ok(api.notifications().unsubscribe(pathParameter(event, "token").orElse(null)));
            case "POST /v1/track/orders" -> ok(api.orderLookup().find(jsonBody(event), HttpRequests.sourceIp(event)));
            case "GET /v1/track/orders/{token}" -> ok(api.tracking().trackOrder(pathParameter(event, "token").orElse(null)));
            case "POST /v1/shipments" -> HttpResponses.json(201, api.shipments().register(api.caller(authorization),
                    header(event, "idempotency-key").orElse(null), jsonBody(event)));
            case "GET /v1/shipments" -> ok(api.shipments().list(api.caller(authorization), query));
            case "GET /v1/shipments/{id}" -> ok(api.shipments().get(api.caller(authorization), id));
            case "PATCH /v1/shipments/{id}" -> ok(api.shipments().patch(api.caller(authorization), id, jsonBody(event)));
            case "GET /v1/shipments/{id}/events" -> ok(api.shipments().events(api.caller(authorization), id));
            case "POST /v1/shipments/{id}/refresh" -> HttpResponses.json(202, api.shipments().refresh(api.caller(authorization), id));
            case "GET /v1/orders/{id}" -> ok(api.orders().get(api.caller(authorization), id));
            case "POST /v1/orders/{id}/stages" -> ok(api.orders().report(api.caller(authorization), id, jsonBody(event)));
            case "GET /v1/settings" -> ok(api.settings().get(api.caller(authorization)));
            case "PUT /v1/settings" -> ok(api.settings().replace(api.caller(authorization), jsonBody(event)));
            case "GET /v1/analytics/sla" -> api.analytics().sla(api.caller(authorization), query).answer(query);
            case "GET /v1/analytics/stages" -> api.analytics().stages(api.caller(authorization), query).answer(query);
            case "GET /v1/analytics/lanes" -> api.analytics().lanes(api.caller(authorization), query).answer(query);
            case "GET /v1/analytics/facilities" -> api.analytics().facilities(api.caller(authorization), query).answer(query);
            case "GET /v1/branding" -> ok(api.branding().get(api.caller(authorization)));
            case "PUT /v1/branding" -> ok(api.branding().replace(api.caller(authorization), jsonBody(event)));
            case "DELETE /v1/branding" -> {
                api.branding().remove(api.caller(authorization));
                yield HttpResponses.noContent();
            }
            case "POST /v1/privacy/export" -> ok(api.privacy().export(api.caller(authorization), jsonBody(event)));
            case "POST /v1/privacy/erase" -> ok(api.privacy().erase(api.caller(authorization), jsonBody(event)));
            case "GET /v1/keys" -> ok(api.keys().list(api.admin(authorization)));
            case "POST /v1/keys" -> HttpResponses.json(201, api.keys().create(api.admin(authorization), jsonBody(event)));
            case "POST /v1/keys/{prefix}/rotate" -> HttpResponses.json(201, api.keys().rotate(api.admin(authorization), prefix, jsonBody(event)));
            case "DELETE /v1/keys/{prefix}" -> {
                api.keys().revoke(api.admin(authorization), prefix);
                yield HttpResponses.noContent();
            }
            case "GET /v1/webhooks" -> ok(api.webhooks().list(api.caller(authorization)));
            case "POST /v1/webhooks" -> HttpResponses.json(201, api.webhooks().create(api.caller(authorization), jsonBody(event)));
            case "GET /v1/webhooks/{id}" -> ok(api.webhooks().get(api.caller(authorization), id));
            case "PATCH /v1/webhooks/{id}" -> ok(api.webhooks().patch(api.caller(authorization), id, jsonBody(event)));
            case "DELETE /v1/webhooks/{id}" -> {
                api.webhooks().delete(api.caller(authorization), id);
                yield HttpResponses.noContent();
            }
            case "GET /v1/webhooks/{id}/deliveries" -> ok(api.webhooks().deliveries(api.caller(authorization), id, query));
            case "POST /v1/webhooks/{id}/deliveries/{eventId}/resend" -> HttpResponses.json(202,
                    api.webhooks().resend(api.caller(authorization), id, pathParameter(event, "eventId").orElse(null)));
            case "GET /v1/carrier-accounts" -> ok(api.carrierAccounts().list(api.admin(authorization), apiBaseUrl(event)));
            case "PUT /v1/carrier-accounts/{source}" -> ok(api.carrierAccounts().put(api.admin(authorization),
                    pathParameter(event, "source").orElse(null), jsonBody(event), apiBaseUrl(event)));
            case "DELETE /v1/carrier-accounts/{source}" -> {
                api.carrierAccounts().delete(api.admin(authorization), pathParameter(event, "source").orElse(null));
                yield HttpResponses.noContent();
            }
            default -> HttpResponses.problem(Problem.notFound("no route " + event.getRouteKey()));
        };
    }

    /** A request body, refused unless declared as JSON: a form or plain text read as JSON would be guesswork. */
    private static String jsonBody(APIGatewayV2HTTPEvent event) throws ProblemException {
        String body = body(event);
        Optional<String> type = mediaType(event);
        boolean json = type.map(media -> media.equals("application/json") || media.endsWith("+json")).orElse(body.isEmpty());
        if (!json) {
            throw new ProblemException(Problem.unsupportedMediaType("send the body as application/json, not "
                    + type.orElse("without a Content-Type")));
        }
        return body;
    }

    /** Where this API was called, with its stage unless that is {@code $default}: its webhook endpoints live there too. */
    private static String apiBaseUrl(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        String host = context == null ? null : context.getDomainName();
        String stage = context == null ? null : context.getStage();
        return header(event, "x-forwarded-proto").orElse("https") + "://" + (host == null ? "localhost" : host)
                + (stage == null || stage.isBlank() || stage.equals("$default") ? "" : "/" + stage);
    }

    private static APIGatewayV2HTTPResponse ok(Object body) {
        return HttpResponses.json(200, body);
    }
}
