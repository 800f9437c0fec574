package dev.tracklight.local.sandbox;

import dev.tracklight.core.carriers.kuaidi100.Kuaidi100Adapter;
import dev.tracklight.core.json.Json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Kuaidi100's subscription and real-time query APIs as its documentation describes them (events/carriers/kuaidi100/
 * README.md, "The sandbox"): {@code POST /poll} ({@code schema=json}, {@code param} with a {@code key} named {@code
 * sandbox-…} of 16 or more characters) and {@code POST /poll/query.do} (a {@code customer} named {@code sandbox-…},
 * {@code sign} = upper-case MD5 of {@code param + key + customer} for the key that subscribed the number).
 * {@code YT0000000000001} (yuantong) walks 揽收 → 在途 → 派件 → 签收, one step every {@link #STEP}, each pushed to the
 * subscription's {@code callbackurl} as a form signed with its {@code salt}, the last as {@code shutdown};
 * {@code YT0000000000008} is subscribed but never pushed, so only a query shows it move; {@code YT0000000000500}
 * answers 500 once, then walks the journey; a second subscription answers 501 (重复订阅); any other number 700.
 */
public final class Kuaidi100Sandbox implements CarrierSandbox.Source {

    static final Duration STEP = Duration.ofSeconds(2);
    private static final String JOURNEY_NUMBER = "YT0000000000001";
    private static final String QUIET = "YT0000000000008";
    private static final String FAILING = "YT0000000000500";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String[]> JOURNEY = List.of(
            new String[]{"1", "揽收", "【杭州市】 圆通速递 浙江省杭州市公司 已揽收", "浙江,杭州市"},
            new String[]{"0", "在途", "【杭州转运中心】 已发出 下一站 【上海转运中心】", "浙江,杭州市"},
            new String[]{"5", "派件", "【上海市浦东新区公司】 派件员 正在为您派件", "上海,上海市,浦东新区"},
            new String[]{"3", "签收", "【上海市浦东新区公司】 快件已签收 签收人: 前台", "上海,上海市,浦东新区"});

    private final ScheduledExecutorService pushes;
    private final SandboxPusher pusher = new SandboxPusher();
    private final JourneyClock clock = new JourneyClock(STEP);
    /** Subscriptions by "company number": the key that made it, and when. */
    private final Map<String, Subscribed> subscriptions = new ConcurrentHashMap<>();

    private record Subscribed(String key, String company, String number, Instant start) {
    }

    Kuaidi100Sandbox(ScheduledExecutorService pushes) {
        this.pushes = pushes;
    }

    @Override
    public String name() {
        return "kuaidi100";
    }

    @Override
    public CarrierSandbox.Answer handle(CarrierSandbox.Request request) {
        Map<String, String> form = request.form();
        Map<?, ?> param;
        try {
            param = Json.read(form.getOrDefault("param", ""), Map.class);
        } catch (RuntimeException notJson) {
            return answer(false, "700", "订阅数据存在错误");
        }
        if (request.method().equals("POST") && request.path().equals("/poll")) {
            return subscribe(param);
        }
        if (request.method().equals("POST") && request.path().equals("/poll/query.do")) {
            return query(form, param);
        }
        return answer(false, "500", "没有POST提交");
    }

    private CarrierSandbox.Answer subscribe(Map<?, ?> param) {
        String key = (String) param.get("key");
        String company = (String) param.get("company");
        String number = (String) param.get("number");
        Map<?, ?> parameters = param.get("parameters") instanceof Map<?, ?> map ? map : Map.of();
        if (key == null || !key.startsWith("sandbox-") || key.length() < 16) {
            return answer(false, "600", "您不是合法的订阅者");
        }
        if (number == null || company == null || parameters.get("callbackurl") == null) {
            return answer(false, "700", "订阅数据存在错误");
        }
        if (number.equals(FAILING) && clock.firstTime(key + number)) {
            return answer(false, "500", "服务器错误");
        }
        if (!number.equals(JOURNEY_NUMBER) && !number.equals(QUIET) && !number.equals(FAILING)) {
            return answer(false, "700", "POLL:不支持的快递单号");
        }
        Subscribed subscribed = new Subscribed(key, company, number, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        if (subscriptions.putIfAbsent(company + " " + number + " " + key, subscribed) != null) {
            return answer(false, "501", "POLL:重复订阅");
        }
        if (!number.equals(QUIET)) {
            String url = (String) parameters.get("callbackurl");
            String salt = (String) parameters.get("salt");
            for (int step = 1; step <= JOURNEY.size(); step++) {
                int upTo = step;
                pushes.schedule(() -> push(url, salt, subscribed, upTo), STEP.toMillis() * step, TimeUnit.MILLISECONDS);
            }
        }
        return answer(true, "200", "提交成功");
    }

    private CarrierSandbox.Answer query(Map<String, String> form, Map<?, ?> param) {
        String customer = form.getOrDefault("customer", "");
        String sign = form.getOrDefault("sign", "");
        String number = (String) param.get("num");
        String company = (String) param.get("com");
        if (!customer.startsWith("sandbox-")) {
            return answer(false, "400", "提交的数据不完整，或者贵公司没授权");
        }
        // the customer proves it holds the key that subscribed the number
        Subscribed subscribed = subscriptions.values().stream()
                .filter(s -> s.company().equals(company) && s.number().equals(number))
                .filter(s -> Kuaidi100Adapter.sign(form.get("param"), s.key() + customer).equals(sign)).findFirst().orElse(null);
        if (subscribed == null) {
            return answer(false, "503", "验证签名失败");
        }
        return CarrierSandbox.Answer.json(200, Json.write(result(subscribed, clock.shown(subscribed.key() + number, JOURNEY.size()))));
    }

    private void push(String url, String salt, Subscribed subscribed, int steps) {
        Map<String, Object> push = new LinkedHashMap<>();
        push.put("status", steps == JOURNEY.size() ? "shutdown" : "polling");
        push.put("billstatus", "got");
        push.put("message", "");
        push.put("lastResult", result(subscribed, steps));
        String param = Json.write(push);
        String body = "param=" + URLEncoder.encode(param, StandardCharsets.UTF_8) + "&sign=" + Kuaidi100Adapter.sign(param, salt);
        pusher.post(url, "application/x-www-form-urlencoded", Map.of(), body);
    }

    /** The track as query.do answers it and a push's {@code lastResult} carries it: rows newest first, China time. */
    private static Map<String, Object> result(Subscribed subscribed, int steps) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = steps - 1; i >= 0; i--) {
            String[] step = JOURNEY.get(i);
            String time = subscribed.start().minus(Duration.ofMinutes(30L * (JOURNEY.size() - 1 - i))).atOffset(ZoneOffset.ofHours(8)).format(TIME);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("time", time);
            row.put("ftime", time);
            row.put("context", step[2]);
            row.put("status", step[1]);
            row.put("statusCode", step[0]);
            row.put("areaName", step[3]);
            rows.add(row);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("message", "ok");
        result.put("nu", subscribed.number());
        result.put("ischeck", steps == JOURNEY.size() ? "1" : "0");
        result.put("com", subscribed.company());
        result.put("status", "200");
        result.put("state", steps == 0 ? "0" : JOURNEY.get(steps - 1)[0]);
        result.put("data", rows);
        return result;
    }

    private static CarrierSandbox.Answer answer(boolean result, String code, String message) {
        return CarrierSandbox.Answer.json(200, Json.write(Map.of("result", result, "returnCode", code, "message", message)));
    }
}
