package dev.tracklight.core.carriers.kuaidi100;

import dev.tracklight.core.carriers.CarrierTable;

/**
 * Kuaidi100 company codes ({@code lastResult.com}) onto ours: the constants of Kuaidi100's own Java SDK,
 * plus codes seen only in third-party lists (docs/research/aggregator-carrier-codes.md §3).
 */
public final class Kuaidi100Carriers {

    public static final CarrierTable TABLE = CarrierTable.of(
            "shunfeng", "sf-express", "yuantong", "yto", "zhongtong", "zto", "shentong", "sto", "yunda", "yunda",
            "jd", "jd", "ems", "ems", "huitongkuaidi", "best-express", "baishiwuliu", "best-express", "zhaijisong", "zjs",
            "japanposten", "post-jp", "youzhengguonei", "china-post", "youzhengbk", "china-post", "jtexpress", "jt-express",
            "debangkuaidi", "deppon", "debangwuliu", "deppon", "cainiao", "cainiao",
            "dhl", "dhl", "upsen", "ups", "ups", "ups", "fedex", "fedex", "fedexus", "fedex", "fedexcn", "fedex",
            "canpost", "canada-post", "hkpost", "post-hk", "gls", "gls");

    private Kuaidi100Carriers() {
    }
}
