package dev.tracklight.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.tracklight.aws.priming.Primers;
import dev.tracklight.aws.priming.SnapStartPriming;
import dev.tracklight.aws.clients.AwsClients;
import dev.tracklight.aws.env.FunctionEnvironment;
import dev.tracklight.aws.http.HttpResponses;
import dev.tracklight.aws.store.ApiKeyStore;
import dev.tracklight.aws.store.ShipmentStore;
import dev.tracklight.aws.store.TenantSettingsStore;
import dev.tracklight.aws.tracking.ShipmentRegistry;
import dev.tracklight.aws.tracking.ShipmentTracker;
import dev.tracklight.core.problem.Problem;
import dev.tracklight.core.problem.ProblemException;

import java.time.Clock;

import static dev.tracklight.aws.http.HttpRequests.body;
import static dev.tracklight.aws.http.HttpRequests.header;
import static dev.tracklight.aws.http.HttpRequests.pathParameter;

/** Routes the {@code /v1} HTTP API routes declared in template.yaml to {@link TrackingApi}. */
public final class TrackingApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Warms the domain's paths before SnapStart's snapshot; held here because CRaC keeps resources weakly. */
    private static final SnapStartPriming PRIMING = SnapStartPriming.register(Primers::domain);

    private final TrackingApi api;

    public TrackingApiHandler() {
        this(FunctionEnvironment.system());
    }

    public TrackingApiHandler(FunctionEnvironment env) {
        this(wire(env, new AwsClients(env), env.require("TABLE_NAME")));
    }

    public TrackingApiHandler(TrackingApi api) {
        this.api = api;
    }

    private static TrackingApi wire(FunctionEnvironment env, AwsClients aws, String table) {
        var dynamo = aws.dynamoDb();
        var store = new ShipmentStore(dynamo, table);
        return new TrackingApi(store, new ShipmentRegistry(store, ShipmentTracker.wire(env, aws), Clock.systemUTC()),
                new ApiKeyStore(dynamo, table), new TenantSettingsStore(dynamo, table, Clock.systemUTC()),
                env.require("PUBLIC_BASE_URL"));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String authorization = header(event, "authorization").orElse(null);
        try {
            return switch (event.getRouteKey()) {
                case "GET /v1/track/{token}" -> HttpResponses.json(200, api.track(pathParameter(event, "token").orElse(null)));
                case "POST /v1/shipments" -> HttpResponses.json(201, api.register(authorization, body(event)));
                case "GET /v1/shipments/{id}" -> HttpResponses.json(200, api.get(authorization, pathParameter(event, "id").orElse(null)));
                case "GET /v1/settings" -> HttpResponses.json(200, api.settings(authorization));
                case "PUT /v1/settings" -> HttpResponses.json(200, api.replaceSettings(authorization, body(event)));
                default -> HttpResponses.problem(Problem.notFound("no route " + event.getRouteKey()));
            };
        } catch (ProblemException e) {
            return HttpResponses.problem(e.problem());
        }
    }
}
