package dev.tracklight.core.carriers.kuaidi100;

import java.util.Locale;
import java.util.Map;

/** Kuaidi100 company codes onto ours; unknown codes are kept as Kuaidi100 writes them. */
final class Kuaidi100Carriers {

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("shunfeng", "sf-express"), Map.entry("yuantong", "yto"), Map.entry("zhongtong", "zto"),
            Map.entry("shentong", "sto"), Map.entry("yunda", "yunda"), Map.entry("jd", "jd"), Map.entry("ems", "ems"),
            Map.entry("youzhengguonei", "china-post"), Map.entry("jtexpress", "jt-express"), Map.entry("debangwuliu", "deppon"),
            Map.entry("cainiao", "cainiao"), Map.entry("dhl", "dhl"), Map.entry("ups", "ups"), Map.entry("fedex", "fedex"));

    private Kuaidi100Carriers() {
    }

    static String code(String kuaidi100Code) {
        String key = kuaidi100Code.trim().toLowerCase(Locale.ROOT);
        return CODES.getOrDefault(key, key);
    }
}
