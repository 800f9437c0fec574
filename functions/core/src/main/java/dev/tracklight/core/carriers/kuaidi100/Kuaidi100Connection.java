package dev.tracklight.core.carriers.kuaidi100;

import dev.tracklight.core.carriers.connect.CarrierConnection;
import dev.tracklight.core.carriers.connect.PollResult;
import dev.tracklight.core.carriers.connect.RateLimit;
import dev.tracklight.core.carriers.connect.SourceAnswer;
import dev.tracklight.core.carriers.connect.SourceHttp;
import dev.tracklight.core.carriers.connect.SourceUnavailable;
import dev.tracklight.core.carriers.connect.SubscribeRequest;
import dev.tracklight.core.carriers.connect.SubscribeResult;
import dev.tracklight.core.carriers.connect.SubscriptionState;
import dev.tracklight.core.json.Json;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.webhook.WebhookRequest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kuaidi100's subscription and real-time query APIs with a tenant's enterprise account (events/carriers/kuaidi100/
 * README.md, "What Tracklight calls"): {@code POST /poll} per number ({@code schema=json}, {@code param} with the
 * company code, the number, the tenant's {@code key} and its endpoint as {@code callbackurl} with its secret as the
 * {@code salt} Kuaidi100 signs pushes with), and {@code POST /poll/query.do} ({@code customer}, {@code sign} =
 * upper-case MD5 of {@code param + key + customer}) for the safety net and refreshes, read by the push's own
 * adapter. Answers to both are {@code {"result", "returnCode", "message"}} when they are not a track.
 */
public final class Kuaidi100Connection implements CarrierConnection {

    public static final String CUSTOMER = "customer";
    public static final String KEY = "key";
    public static final URI DEFAULT_BASE = URI.create("https://poll.kuaidi100.com");
    /** "重复订阅": the number is already subscribed and followed. */
    private static final String DUPLICATE = "501";
    /** 600 not a valid subscriber (the key), 601 the key expired. */
    private static final List<String> ACCOUNT_REFUSED = List.of("600", "601");
    /** A number asked more than 48 times in 24 hours is locked for a day: its query is held to about one an hour. */
    private static final RateLimit QUERIES = RateLimit.perMinute(60);

    private final URI base;
    private final SourceHttp http;

    public Kuaidi100Connection(URI base, SourceHttp http) {
        this.base = base;
        this.http = http;
    }

    @Override
    public String source() {
        return Kuaidi100Adapter.SOURCE;
    }

    @Override
    public List<String> credentialNames() {
        return List.of(CUSTOMER, KEY);
    }

    @Override
    public RateLimit rateLimit() {
        return QUERIES;
    }

    @Override
    public SubscribeResult subscribe(SubscribeRequest request) throws SourceUnavailable {
        Optional<String> company = Kuaidi100Carriers.TABLE.nameOf(request.carrier());
        if (company.isEmpty()) {
            return SubscribeResult.refused("Kuaidi100 has no company code for " + request.carrier());
        }
        if (request.callback() == null) {
            throw new SourceUnavailable("the tenant's Kuaidi100 endpoint is missing; its account must be stored again", Optional.empty());
        }
        Map<String, Object> param = new LinkedHashMap<>();
        param.put("company", company.get());
        param.put("number", request.trackingNumber());
        param.put("key", request.credentials().getOrDefault(KEY, ""));
        param.put("parameters", Map.of("callbackurl", request.callback().url(), "salt", request.callback().secret(), "resultv2", "1"));
        SourceAnswer answer = http.postForm(SourceHttp.at(base, "/poll"), Map.of(), Map.of("schema", "json", "param", Json.write(param)))
                .unlessTemporary("Kuaidi100's /poll");
        String code = answer.at("/returnCode");
        if ("200".equals(code) || DUPLICATE.equals(code)) {
            return SubscribeResult.following(company.get() + "/" + request.trackingNumber());
        }
        if (ACCOUNT_REFUSED.contains(code) || answer.credentialsRefused()) {
            return SubscribeResult.credentialsRefused("Kuaidi100 refused the key (" + code + "): " + said(answer));
        }
        if ("500".equals(code) || code == null) {
            throw new SourceUnavailable("Kuaidi100 could not take the subscription (" + code + "): " + said(answer), Optional.empty());
        }
        return SubscribeResult.refused("Kuaidi100 refused " + request.trackingNumber() + " (" + code + "): " + said(answer));
    }

    @Override
    public PollResult poll(SubscribeRequest request, String externalId, Instant receivedAt) throws SourceUnavailable {
        Optional<String> company = Kuaidi100Carriers.TABLE.nameOf(request.carrier());
        if (company.isEmpty()) {
            return PollResult.refused(SubscriptionState.REFUSED, "Kuaidi100 has no company code for " + request.carrier());
        }
        String customer = request.credentials().getOrDefault(CUSTOMER, "");
        String param = Json.write(Map.of("com", company.get(), "num", request.trackingNumber(), "resultv2", "1"));
        SourceAnswer answer = http.postForm(SourceHttp.at(base, "/poll/query.do"), Map.of(), Map.of("customer", customer,
                "sign", Kuaidi100Adapter.sign(param, request.credentials().getOrDefault(KEY, "") + customer), "param", param))
                .unlessTemporary("Kuaidi100's query.do");
        String code = answer.at("/returnCode");
        if (code != null) {
            if ("400".equals(code) || "503".equals(code) || ACCOUNT_REFUSED.contains(code)) {
                // 400 "not authorized" and 503 "signature failed" are the customer and key
                return PollResult.refused(SubscriptionState.CREDENTIALS_REFUSED, "Kuaidi100 refused the account (" + code + "): " + said(answer));
            }
            if ("501".equals(code) || "502".equals(code)) {
                throw new SourceUnavailable("Kuaidi100 answered " + code + ": " + said(answer), Optional.empty());
            }
            // 500 "查询无结果": nothing for the number yet; the subscription still pushes
            return new PollResult(SubscriptionState.ACTIVE, List.of(), "Kuaidi100 has nothing for " + request.trackingNumber() + " yet ("
                    + code + "): " + said(answer));
        }
        String push = "param=" + URLEncoder.encode("{\"status\":\"polling\",\"message\":\"\",\"lastResult\":" + answer.body() + "}",
                StandardCharsets.UTF_8);
        try {
            return new PollResult(SubscriptionState.ACTIVE, new Kuaidi100Adapter().parse(new WebhookRequest(Map.of(), push, receivedAt)), null);
        } catch (ProblemException unreadable) {
            throw new SourceUnavailable("Kuaidi100's track could not be read: " + unreadable.problem().detail(), Optional.empty());
        }
    }

    private static String said(SourceAnswer answer) {
        String message = answer.at("/message");
        return message == null ? "no message" : message;
    }
}
