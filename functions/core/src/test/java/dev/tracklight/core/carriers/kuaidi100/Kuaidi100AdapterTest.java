package dev.tracklight.core.carriers.kuaidi100;

import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.fixtures.Fixtures;
import dev.tracklight.core.model.Status;
import dev.tracklight.core.model.TrackingEvent;
import dev.tracklight.core.problem.ProblemException;
import dev.tracklight.core.state.ShipmentFold;
import dev.tracklight.core.webhook.WebhookRequest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Kuaidi100's pushes from events/carriers/kuaidi100/ (sources and the privacy edit in its README). */
class Kuaidi100AdapterTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    /** The salt the published JD sample was signed with. */
    private static final String SALT = "123";
    private final Kuaidi100Adapter adapter = new Kuaidi100Adapter();

    private static WebhookRequest form(String body) {
        return new WebhookRequest(Map.of("Content-Type", "application/x-www-form-urlencoded"), body, NOW);
    }

    private static String formOf(String param, String sign) {
        return "param=" + URLEncoder.encode(param, StandardCharsets.UTF_8) + (sign == null ? "" : "&sign=" + sign);
    }

    private static String param(String name) {
        return Fixtures.read("carriers/kuaidi100/" + name);
    }

    @Test
    void verifiesTheSignOfThePublishedFormBody() {
        String body = Fixtures.read("carriers/kuaidi100/push-shutdown-304-jd.form.txt").strip();

        assertThatCode(() -> adapter.verify(form(body), SALT)).doesNotThrowAnyException();
        assertThat(Kuaidi100Adapter.sign(param("push-shutdown-304-jd.param.json"), SALT)).isEqualTo("ADE6762BB32D9C8CE274BC50F82D41A9");
    }

    @Test
    void refusesAnotherSaltAChangedParamOrAMissingSign() {
        String param = param("push-shutdown-304-jd.param.json");
        String sign = Kuaidi100Adapter.sign(param, SALT);

        assertUnauthorized(form(formOf(param, sign)), "other-salt");
        assertUnauthorized(form(formOf(param.replace("304", "305"), sign)), SALT);
        assertUnauthorized(form(formOf(param, null)), SALT);
    }

    @Test
    void readsTheFullHistoryNewestFirstWithAdvancedCodesAndChinaTime() throws ProblemException {
        List<TrackingEvent> events = adapter.parse(form(formOf(param("push-shutdown-304-jd.param.json"), "x")));

        assertThat(events).hasSize(5);
        assertThat(events).extracting(TrackingEvent::carrier).containsOnly("jd");
        assertThat(events).extracting(TrackingEvent::trackingNumber).containsOnly("JD0076810060555");
        assertThat(events).extracting(TrackingEvent::status).containsExactly(Status.DELIVERED, Status.IN_TRANSIT,
                Status.IN_TRANSIT, Status.IN_TRANSIT, Status.IN_TRANSIT);
        TrackingEvent signed = events.getFirst();
        assertThat(signed.occurredAt()).isEqualTo(Instant.parse("2022-06-30T02:34:33Z"));
        assertThat(signed.localOffset()).isEqualTo("+08:00");
        assertThat(signed.offsetInferred()).isTrue();
        assertThat(signed.subStatus()).isEqualTo("投柜或站签收");
        assertThat(events.get(3).location().city()).isEqualTo("西安市");
        assertThat(events.get(3).location().lon()).isEqualTo(109.064671);
        assertThat(events).extracting(TrackingEvent::eventId).doesNotHaveDuplicates();
        assertThat(ShipmentFold.fold(events).status()).isEqualTo(Status.DELIVERED);
    }

    @Test
    void readsAPollingPushWithPickUpAndAreasAndOneFullOfNulls() throws ProblemException {
        List<TrackingEvent> yto = adapter.parse(form(formOf(param("push-polling-0-yuantong-resultv2.param.json"), "x")));
        List<TrackingEvent> nulls = adapter.parse(form(formOf(param("push-polling-1-yuantong-nulls.param.json"), "x")));

        assertThat(yto).extracting(TrackingEvent::carrier).containsOnly("yto");
        assertThat(yto.getLast().status()).isEqualTo(Status.PICKED_UP);
        assertThat(ShipmentFold.fold(yto).status()).isEqualTo(Status.IN_TRANSIT);
        assertThat(nulls).hasSize(1);
        assertThat(nulls.getFirst().status()).as("no statusCode: the push's lastResult.state 1, picked up").isEqualTo(Status.PICKED_UP);
        assertThat(nulls.getFirst().location()).isNull();
    }

    @Test
    void answersWithTheBodyKuaidi100WaitsFor() {
        var ack = adapter.acknowledge(List.of());

        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.body()).isEqualTo("{\"result\":true,\"returnCode\":\"200\",\"message\":\"成功\"}");
    }

    @Test
    void mapsAdvancedStatesAndKeepsDelaysOutOfTheStatus() {
        assertThat(Kuaidi100StatusMap.of("301").status()).isEqualTo(Status.DELIVERED);
        assertThat(Kuaidi100StatusMap.of("501").status()).isEqualTo(Status.AVAILABLE_FOR_PICKUP);
        assertThat(Kuaidi100StatusMap.of("14")).isEqualTo(new StatusMapping(Status.EXCEPTION, "REFUSED"));
        assertThat(Kuaidi100StatusMap.of("201")).isEqualTo(new StatusMapping(null, "DELAYED"));
        assertThat(Kuaidi100StatusMap.of("204").status()).isEqualTo(Status.DELIVERY_ATTEMPTED);
        assertThat(Kuaidi100StatusMap.of("4").status()).isEqualTo(Status.RETURNED);
        assertThat(Kuaidi100StatusMap.of("9999").status()).isNull();
    }

    @Test
    void aSixtyDayAbortExpiresTheShipment() throws ProblemException {
        String param = "{\"status\":\"abort\",\"message\":\"60天无变化\",\"lastResult\":{\"com\":\"zhongtong\",\"nu\":\"7890\",\"data\":[]}}";

        List<TrackingEvent> events = adapter.parse(form(formOf(param, "x")));

        assertThat(events).extracting(TrackingEvent::status).containsExactly(Status.EXPIRED);
        assertThat(events.getFirst().carrier()).isEqualTo("zto");
    }

    private void assertUnauthorized(WebhookRequest request, String salt) {
        assertThatThrownBy(() -> adapter.verify(request, salt))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
    }

    @Test
    void theBasicFormatTakesTheStateOfLastResultForItsNewestRowAndEmptyRowsAreSkipped() throws ProblemException {
        // GIVEN a push in Kuaidi100's basic format (no resultv2): rows without status, the state only in lastResult, and a row of nulls
        String param = "{\"status\":\"shutdown\",\"message\":\"\",\"lastResult\":{\"message\":\"ok\",\"nu\":\"YT1234567890\","
                + "\"ischeck\":\"1\",\"com\":\"yuantong\",\"status\":\"200\",\"state\":\"3\",\"data\":["
                + "{\"context\":\"已签收，签收人：本人\",\"time\":\"2026-11-21 10:11:12\",\"ftime\":\"2026-11-21 10:11:12\"},"
                + "{\"context\":null,\"time\":null,\"ftime\":null},"
                + "{\"context\":\"快件已揽收\",\"time\":\"2026-11-20 18:00:00\",\"ftime\":\"2026-11-20 18:00:00\"}]}}";

        // WHEN it is parsed
        List<TrackingEvent> events = adapter.parse(form(formOf(param, null)));

        // THEN the newest row delivers the parcel, the older one is information, and the empty row is gone
        assertThat(events).hasSize(2);
        assertThat(events.getFirst().status()).isEqualTo(Status.DELIVERED);
        assertThat(events.getLast().status()).isNull();
        assertThat(ShipmentFold.fold(events).status()).isEqualTo(Status.DELIVERED);
    }
}
