package dev.tracklight.core.carriers.seventeentrack;

import dev.tracklight.core.carriers.CarrierCodes;
import dev.tracklight.core.carriers.CarrierTable;

/**
 * 17TRACK's numeric carrier keys ({@code provider.key}, {@code data.carrier}) onto ours, from 17TRACK's
 * {@code apicarrier.all.json} (docs/research/aggregator-carrier-codes.md §4). Keys are matched, not names:
 * 7041 "DHL Paket" is {@code dhl}, and 100685, an "EMS" without a country, is not China EMS. A key not in the
 * table stays {@code 17track-<key>} rather than a guess from its name.
 */
public final class SeventeenTrackCarriers {

    public static final CarrierTable TABLE = CarrierTable.of(
            "100001", "dhl", "7041", "dhl", "7044", "dhl", "100047", "dhl", "100152", "dhl", "100392", "dhl", "100226", "dhl",
            "7047", "dhl-ecommerce", "7048", "dhl-ecommerce", "100765", "dhl-ecommerce",
            "100002", "ups", "100398", "ups", "21051", "usps", "100003", "fedex",
            "3011", "china-post", "3013", "ems", "100012", "sf-express", "190766", "sf-express", "191121", "jd", "190302", "jd",
            "190157", "yto", "190455", "zto", "190175", "zto", "190324", "sto", "191197", "yunda", "101063", "yunda",
            "190442", "jt-express", "100295", "jt-express", "100079", "jt-express", "100074", "jt-express", "100240", "jt-express",
            "100271", "jt-express", "100456", "jt-express", "100229", "jt-express", "190174", "deppon", "190271", "cainiao",
            "191076", "cainiao", "3041", "canada-post", "11031", "royal-mail", "1151", "australia-post", "100335", "startrack",
            "100052", "lasership", "14041", "post-nl", "14044", "post-nl", "10021", "post-jp",
            "100007", "dpd", "100010", "dpd", "100072", "dpd", "100811", "dpd", "100111", "dpd", "100709", "dpd", "101108", "dpd",
            "100005", "gls", "101070", "gls", "100024", "gls", "100305", "gls", "100331", "evri", "100308", "amazon", "100309", "amazon",
            "100042", "purolator", "100006", "aramex", "100044", "aramex", "190012", "yanwen", "190094", "4px", "190008", "yunexpress",
            "190846", "best-express", "190259", "best-express", "100391", "best-express", "100273", "chronopost",
            "100062", "yamato", "100040", "sagawa", "9071", "post-it", "19251", "post-ch", "18031", "post-ru", "19131", "post-sg",
            "9021", "post-in", "6041", "post-fi", "1161", "post-at", "2061", "post-be", "9051", "post-ie", "19241", "post-se",
            "4011", "post-dk", "16081", "post-pl", "9061", "post-il");

    private SeventeenTrackCarriers() {
    }

    /**
     * @param key  the provider's key, or the record's when the provider names none; null when neither does
     * @param name the provider's name, used only when there is no key
     */
    static String code(Long key, String name) {
        if (key != null) {
            return TABLE.known(key.toString()).orElse(SeventeenTrackAdapter.SOURCE + "-" + key);
        }
        return name == null || CarrierCodes.slug(name).isEmpty() ? SeventeenTrackAdapter.SOURCE : CarrierCodes.slug(name);
    }
}
