package dev.tracklight.core.carriers.kuaidi100;

import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.model.Status;

import java.util.Map;

/**
 * Kuaidi100 states (basic and resultv2 advanced codes) onto ours; sources and the reasoning are in
 * events/carriers/kuaidi100/README.md. Pure delays (201 超时未签收, 202 超时未更新) change no status:
 * delay is an assessment, not a state.
 */
final class Kuaidi100StatusMap {


    private static final Map<String, StatusMapping> BY_CODE = Map.ofEntries(
            Map.entry("101", new StatusMapping(Status.INFO_RECEIVED, null)),   // 已下单
            Map.entry("102", new StatusMapping(Status.INFO_RECEIVED, null)),   // 待揽收
            Map.entry("1", new StatusMapping(Status.PICKED_UP, null)),         // 揽收
            Map.entry("103", new StatusMapping(Status.PICKED_UP, null)),       // 已揽收
            Map.entry("0", new StatusMapping(Status.IN_TRANSIT, null)),        // 在途
            Map.entry("1001", new StatusMapping(Status.IN_TRANSIT, null)),     // 到达派件城市
            Map.entry("1002", new StatusMapping(Status.IN_TRANSIT, null)),     // 干线
            Map.entry("1003", new StatusMapping(Status.IN_TRANSIT, "ADDRESS_CHANGE")), // 转递
            Map.entry("7", new StatusMapping(Status.IN_TRANSIT, "HANDOVER")),  // 转投
            Map.entry("8", new StatusMapping(Status.IN_TRANSIT, "CUSTOMS")),   // 清关
            Map.entry("10", new StatusMapping(Status.IN_TRANSIT, "CUSTOMS")),  // 待清关
            Map.entry("11", new StatusMapping(Status.IN_TRANSIT, "CUSTOMS")),  // 清关中
            Map.entry("12", new StatusMapping(Status.IN_TRANSIT, "CUSTOMS")),  // 已清关
            Map.entry("13", new StatusMapping(Status.EXCEPTION, "CUSTOMS")),   // 清关异常
            Map.entry("5", new StatusMapping(Status.OUT_FOR_DELIVERY, null)),  // 派件
            Map.entry("501", new StatusMapping(Status.AVAILABLE_FOR_PICKUP, null)), // 投柜或驿站
            Map.entry("3", new StatusMapping(Status.DELIVERED, null)),         // 签收
            Map.entry("301", new StatusMapping(Status.DELIVERED, null)),       // 本人签收
            Map.entry("302", new StatusMapping(Status.DELIVERED, null)),       // 派件异常后签收
            Map.entry("303", new StatusMapping(Status.DELIVERED, null)),       // 代签
            Map.entry("304", new StatusMapping(Status.DELIVERED, null)),       // 投柜或站签收
            Map.entry("6", new StatusMapping(Status.RETURNING, null)),         // 退回
            Map.entry("4", new StatusMapping(Status.RETURNED, null)),          // 退签
            Map.entry("401", new StatusMapping(Status.CANCELLED, null)),       // 已销单
            Map.entry("210", new StatusMapping(Status.CANCELLED, null)),       // 销单
            Map.entry("14", new StatusMapping(Status.EXCEPTION, "REFUSED")),   // 拒签
            Map.entry("2", new StatusMapping(Status.EXCEPTION, null)),         // 疑难
            Map.entry("201", new StatusMapping(null, "DELAYED")),              // 超时未签收
            Map.entry("202", new StatusMapping(null, "DELAYED")),              // 超时未更新
            Map.entry("203", new StatusMapping(Status.EXCEPTION, "REFUSED")),  // 拒收
            Map.entry("204", new StatusMapping(Status.DELIVERY_ATTEMPTED, null)), // 派件异常
            Map.entry("205", new StatusMapping(Status.EXCEPTION, "NOT_COLLECTED")), // 柜或驿站超时未取
            Map.entry("206", new StatusMapping(Status.DELIVERY_ATTEMPTED, "RECIPIENT_UNAVAILABLE")), // 无法联系
            Map.entry("207", new StatusMapping(Status.EXCEPTION, "OUT_OF_AREA")), // 超区
            Map.entry("208", new StatusMapping(Status.EXCEPTION, "HELD")),     // 滞留
            Map.entry("209", new StatusMapping(Status.EXCEPTION, "DAMAGED"))); // 破损


    private Kuaidi100StatusMap() {
    }

    /** An unknown or absent code joins the timeline without changing the status. */
    static StatusMapping of(String code) {
        return code == null ? StatusMapping.INFORMATIONAL : BY_CODE.getOrDefault(code.trim(), StatusMapping.INFORMATIONAL);
    }
}
