package dev.tracklight.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Builds the payload-format-2.0 event API Gateway's HTTP API hands a Lambda proxy integration. */
final class HttpApiEvents {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private HttpApiEvents() {
    }

    static APIGatewayV2HTTPEvent of(HttpRoute route, Context ctx, String stage) {
        Map<String, String> headers = new LinkedHashMap<>();
        ctx.headerMap().forEach((name, value) -> headers.merge(name.toLowerCase(Locale.ROOT), value, (a, b) -> a + "," + b));
        // API Gateway tells the function the scheme it was called with; here it is plain HTTP on loopback
        headers.put("x-forwarded-proto", ctx.scheme());
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((name, values) -> query.put(name, String.join(",", values)));
        Instant now = Instant.now();
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(route.method())
                .withPath(ctx.path())
                .withProtocol(ctx.protocol())
                .withSourceIp(ctx.ip())
                .withUserAgent(ctx.userAgent())
                .build();
        var requestContext = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRouteKey(route.routeKey())
                .withStage(stage)
                .withRequestId(UUID.randomUUID().toString())
                .withAccountId("000000000000")
                .withApiId("local")
                .withDomainName(ctx.host())
                .withTime(REQUEST_TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .withHttp(http)
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(ctx.path())
                .withRawQueryString(ctx.queryString() == null ? "" : ctx.queryString())
                .withHeaders(headers)
                .withCookies(List.copyOf(ctx.cookieMap().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()))
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(ctx.pathParamMap().isEmpty() ? null : Map.copyOf(ctx.pathParamMap()))
                .withBody(ctx.body().isEmpty() ? null : ctx.body())
                .withIsBase64Encoded(false)
                .withRequestContext(requestContext)
                .build();
    }
}
