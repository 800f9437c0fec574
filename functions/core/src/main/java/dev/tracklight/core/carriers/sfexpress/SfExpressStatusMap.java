package dev.tracklight.core.carriers.sfexpress;

import dev.tracklight.core.carriers.StatusMapping;
import dev.tracklight.core.model.Status;

import java.util.Map;

/**
 * SF Express route nodes onto our statuses. SF's official opCode page could not be read, so the opCode
 * rows are the codes observed with SF's own texts (events/carriers/sf-express/README.md §5); the
 * secondary status codes, when SF sends them, are preferred. Unknown codes join the timeline as
 * information, with SF's code and text kept.
 */
final class SfExpressStatusMap {


    private static final Map<String, StatusMapping> BY_SECONDARY_STATUS = Map.of(
            "101", new StatusMapping(Status.PICKED_UP, null), "201", new StatusMapping(Status.IN_TRANSIT, null),
            "204", new StatusMapping(Status.IN_TRANSIT, "CUSTOMS"), "205", new StatusMapping(Status.IN_TRANSIT, null),
            "301", new StatusMapping(Status.OUT_FOR_DELIVERY, null), "401", new StatusMapping(Status.DELIVERED, null));

    private static final Map<String, StatusMapping> BY_OP_CODE = Map.ofEntries(
            Map.entry("50", new StatusMapping(Status.PICKED_UP, null)),         // 顺丰速运 已收取快件
            Map.entry("54", new StatusMapping(Status.PICKED_UP, null)),
            Map.entry("501", new StatusMapping(Status.IN_TRANSIT, null)),       // 快件运输中
            Map.entry("407", new StatusMapping(Status.IN_TRANSIT, null)),       // 快件已发往…
            Map.entry("30", new StatusMapping(Status.IN_TRANSIT, null)),        // 完成分拣，准备发往
            Map.entry("36", new StatusMapping(Status.IN_TRANSIT, null)),        // 快件离开…
            Map.entry("31", new StatusMapping(Status.IN_TRANSIT, null)),        // 快件到达…
            Map.entry("130", new StatusMapping(Status.IN_TRANSIT, null)),       // 已到达目的地网点
            Map.entry("44", new StatusMapping(Status.IN_TRANSIT, null)),        // 正在分配快递员
            Map.entry("204", new StatusMapping(Status.OUT_FOR_DELIVERY, null)), // 正在派送途中
            Map.entry("80", new StatusMapping(Status.DELIVERED, null)),         // 已签收
            Map.entry("631", new StatusMapping(Status.RETURNED, null)));        // 快件已退回


    private SfExpressStatusMap() {
    }

    static StatusMapping of(String opCode, String secondaryStatusCode) {
        if (secondaryStatusCode != null && BY_SECONDARY_STATUS.containsKey(secondaryStatusCode)) {
            return BY_SECONDARY_STATUS.get(secondaryStatusCode);
        }
        return opCode == null ? StatusMapping.INFORMATIONAL : BY_OP_CODE.getOrDefault(opCode.trim(), StatusMapping.INFORMATIONAL);
    }
}
