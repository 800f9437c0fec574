package dev.tracklight.core.notify;

import java.util.Locale;
import java.util.Map;

/**
 * Carriers by the names a reader of each language knows them by, for messages (the tracking page keeps the same
 * table in app.js, where it must not cost a request); an unknown code reads as itself.
 */
final class CarrierNames {

    private static final Map<String, String[]> NAMES = Map.ofEntries(
            Map.entry("sf-express", new String[]{"SF Express", "顺丰速运"}), Map.entry("jd", new String[]{"JD Logistics", "京东物流"}),
            Map.entry("yto", new String[]{"YTO Express", "圆通速递"}), Map.entry("zto", new String[]{"ZTO Express", "中通快递"}),
            Map.entry("sto", new String[]{"STO Express", "申通快递"}), Map.entry("yunda", new String[]{"Yunda Express", "韵达快递"}),
            Map.entry("ems", new String[]{"EMS", "中国邮政 EMS"}), Map.entry("china-post", new String[]{"China Post", "中国邮政"}),
            Map.entry("jt-express", new String[]{"J&T Express", "极兔速递"}), Map.entry("deppon", new String[]{"Deppon", "德邦快递"}),
            Map.entry("ups", new String[]{"UPS", "UPS"}), Map.entry("usps", new String[]{"USPS", "美国邮政 USPS"}),
            Map.entry("fedex", new String[]{"FedEx", "FedEx"}), Map.entry("dhl", new String[]{"DHL", "DHL"}),
            Map.entry("royal-mail", new String[]{"Royal Mail", "英国皇家邮政"}), Map.entry("canada-post", new String[]{"Canada Post", "加拿大邮政"}),
            Map.entry("australia-post", new String[]{"Australia Post", "澳大利亚邮政"}), Map.entry("amazon", new String[]{"Amazon Logistics", "亚马逊物流"}));

    private CarrierNames() {
    }

    static String of(String code, String locale) {
        String[] names = NAMES.get(code);
        return names == null ? (code == null ? "" : code.toUpperCase(Locale.ROOT)) : names["zh-CN".equals(locale) ? 1 : 0];
    }
}
