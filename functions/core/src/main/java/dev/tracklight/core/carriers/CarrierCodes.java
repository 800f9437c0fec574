package dev.tracklight.core.carriers;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The carrier codes shipments are registered and matched under (docs/design.md §4). Every aggregator's
 * provider table maps onto these, so a push from 17TRACK about "DHL Paket" meets the {@code dhl} shipment
 * a merchant registered. A name no table knows keeps a readable code of its own ({@link #slug}).
 */
public final class CarrierCodes {

    public static final Set<String> KNOWN = Set.of(
            "ups", "usps", "fedex", "dhl", "dhl-ecommerce", "ontrac", "lasership", "amazon", "canada-post", "purolator",
            "royal-mail", "parcelforce", "evri", "hermes", "dpd", "gls", "tnt", "chronopost", "aramex", "asendia",
            "australia-post", "startrack", "yamato", "sagawa", "sf-express", "jd", "yto", "zto", "sto", "yunda", "ems",
            "china-post", "jt-express", "deppon", "cainiao", "best-express", "zjs", "yanwen", "4px", "yunexpress");

    /** National posts without a brand of their own: {@code post-} and the country's ISO 3166 alpha-2 code. */
    private static final Pattern NATIONAL_POST = Pattern.compile("post-[a-z]{2}");
    private static final Pattern NOT_CODE = Pattern.compile("[^a-z0-9]+");
    private static final int MAX = 64;

    private CarrierCodes() {
    }

    public static boolean isKnown(String code) {
        return KNOWN.contains(code) || NATIONAL_POST.matcher(code).matches();
    }

    /** A code for a name no table knows: lower case, every run of other characters one '-' ("DHL Paket" → dhl-paket). */
    public static String slug(String name) {
        String slug = NOT_CODE.matcher(name.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
        int start = slug.startsWith("-") ? 1 : 0;
        int end = slug.endsWith("-") ? slug.length() - 1 : slug.length();
        return start >= end ? "" : slug.substring(start, Math.min(end, start + MAX));
    }
}
