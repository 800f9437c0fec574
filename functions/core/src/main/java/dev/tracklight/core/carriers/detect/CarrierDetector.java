package dev.tracklight.core.carriers.detect;

import dev.tracklight.core.model.TrackingNumbers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tells the carrier from the shape of a tracking number, for merchants who register one without it.
 * Distinctive prefixes with a check digit (UPS {@code 1Z}, S10, USPS IMpb) decide; bare digit counts
 * (ZTO and FedEx both print 12 digits starting with 7) only suggest, and the merchant pins the carrier.
 * The formats and their sources are listed in events/carriers/DETECTION.md.
 */
public final class CarrierDetector {

    private static final Pattern UPS = Pattern.compile("1Z[0-9A-Z]{16}");
    private static final Pattern S10 = Pattern.compile("[A-Z]{2}\\d{9}[A-Z]{2}");
    private static final Pattern USPS_IMPB = Pattern.compile("9[1-5]\\d{18,24}");
    private static final Pattern FEDEX_12 = Pattern.compile("\\d{12}");
    private static final Pattern FEDEX_GROUND_96 = Pattern.compile("96\\d{20}");
    private static final Pattern FEDEX_15 = Pattern.compile("\\d{15}");
    private static final Pattern DHL_EXPRESS = Pattern.compile("\\d{10}");
    private static final Pattern DHL_PIECE = Pattern.compile("(JJD|JD01|JVGL)\\d{8,20}");
    private static final Pattern DHL_SSCC = Pattern.compile("00340\\d{15}");
    private static final Pattern SF = Pattern.compile("SF\\d{12,13}");
    private static final Pattern JD = Pattern.compile("(JD\\d{13}|JDV[A-Z]\\d{11}|JDX\\d{12})");
    private static final Pattern YTO = Pattern.compile("YT\\d{13,16}");
    private static final Pattern ZTO = Pattern.compile("7\\d{11}|7[35678]\\d{12}");
    private static final Pattern YUNDA = Pattern.compile("(31|33|43|46)\\d{11}");
    private static final Pattern EMS_DOMESTIC = Pattern.compile("1[01]\\d{11}");
    private static final Pattern CHINA_POST_DOMESTIC = Pattern.compile("9\\d{12}");
    private static final Pattern CAINIAO = Pattern.compile("LP\\d{14}|CNG[A-Z]{0,2}\\d{10,14}");
    /** S10 numbers end with the posting country's code; these posts have their own carrier code here. */
    private static final Map<String, String> POSTS = Map.of("US", "usps", "CN", "china-post", "DE", "dhl");

    public CarrierDetection detect(String rawNumber) {
        String number = TrackingNumbers.normalize(rawNumber);
        List<CarrierCandidate> found = new ArrayList<>();
        if (UPS.matcher(number).matches()) {
            found.add(CheckDigits.ups(number) ? new CarrierCandidate("ups", 0.99, "1Z number with a valid UPS check digit")
                    : new CarrierCandidate("ups", 0.6, "1Z number, check digit does not match"));
        }
        if (S10.matcher(number).matches()) {
            String country = number.substring(11);
            String post = number.startsWith("E") && country.equals("CN") ? "ems" : POSTS.getOrDefault(country, "post-" + country.toLowerCase());
            found.add(new CarrierCandidate(post, CheckDigits.s10(number) ? 0.95 : 0.55,
                    "UPU S10 international number posted in " + country + (CheckDigits.s10(number) ? "" : ", check digit does not match")));
        }
        if (USPS_IMPB.matcher(number).matches() && CheckDigits.mod10Weights31(number)) {
            found.add(new CarrierCandidate("usps", 0.9, "USPS Intelligent Mail package barcode with a valid check digit"));
        }
        if (FEDEX_GROUND_96.matcher(number).matches()) {
            found.add(new CarrierCandidate("fedex", 0.8, "FedEx Ground 96 barcode"));
        }
        if (FEDEX_12.matcher(number).matches() && CheckDigits.fedExExpress(number)) {
            found.add(new CarrierCandidate("fedex", 0.6, "12 digits with a valid FedEx check digit"));
        }
        if (FEDEX_15.matcher(number).matches()) {
            found.add(new CarrierCandidate("fedex", 0.4, "15 digits, the FedEx Ground length"));
        }
        if (DHL_EXPRESS.matcher(number).matches() && CheckDigits.dhlExpress(number)) {
            found.add(new CarrierCandidate("dhl", 0.6, "10 digits with a valid DHL Express check digit"));
        }
        if (DHL_PIECE.matcher(number).matches()) {
            found.add(new CarrierCandidate("dhl", 0.85, "DHL piece identifier"));
        }
        if (DHL_SSCC.matcher(number).matches() && CheckDigits.mod10Weights31(number)) {
            found.add(new CarrierCandidate("dhl", 0.8, "DHL Paket SSCC with a valid check digit"));
        }
        addIf(found, SF, number, "sf-express", 0.95, "SF prefix and 12-13 digits");
        addIf(found, JD, number, "jd", 0.9, "JD Logistics waybill shape");
        addIf(found, YTO, number, "yto", 0.9, "YT prefix and 13-16 digits");
        addIf(found, CAINIAO, number, "cainiao", 0.85, "Cainiao LP/CNG logistics number");
        boolean fedExChecked = found.stream().anyMatch(c -> c.carrier().equals("fedex"));
        addIf(found, ZTO, number, "zto", fedExChecked ? 0.3 : 0.55, "ZTO: 12 or 14 digits starting with 7");
        addIf(found, YUNDA, number, "yunda", 0.5, "Yunda: 13 digits starting 31/33/43/46");
        addIf(found, EMS_DOMESTIC, number, "ems", 0.45, "China EMS domestic: 13 digits starting 10/11");
        addIf(found, CHINA_POST_DOMESTIC, number, "china-post", 0.4, "China Post domestic parcel: 13 digits starting 9");
        found.sort(Comparator.comparingDouble(CarrierCandidate::confidence).reversed());
        return new CarrierDetection(number, found);
    }

    private static void addIf(List<CarrierCandidate> found, Pattern pattern, String number, String carrier, double confidence, String why) {
        if (pattern.matcher(number).matches()) {
            found.add(new CarrierCandidate(carrier, confidence, why));
        }
    }
}
