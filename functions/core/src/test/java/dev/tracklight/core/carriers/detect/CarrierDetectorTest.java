package dev.tracklight.core.carriers.detect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers from the real payloads in events/carriers/ (and the carriers' documented examples). */
class CarrierDetectorTest {

    private final CarrierDetector detector = new CarrierDetector();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "1Z204W4R0308071865, ups",          // UPS Track Alert spec
            "1Z2617V10397725789, ups",          // 17TRACK push, UPS provider
            "' 1z 2617 v10 397725789', ups",    // as a merchant might paste it
            "776094337676, fedex",              // FedEx Track API, Express
            "738488882438, fedex",              // FedEx Track API, Ground
            "9205590164917337534322, usps",     // Shippo's recorded USPS track
            "7777777770, dhl",                  // DHL Unified example
            "00340434292135100124, dhl",        // DHL Paket SSCC (Karrio's request fixture)
            "JD014600006281230704, dhl",        // DHL piece id
            "SF7444400031887, sf-express",      // SF Express route push
            "JD0076810060555, jd",              // Kuaidi100 push, JD Logistics
            "YT6074326614455, yto",             // 17TRACK / AfterShip samples
            "LP00123456789012, cainiao",
            "EA123456785CN, ems",
            "RB123456785CN, china-post",
            "RR123456785US, usps",
    })
    void decidesDistinctiveNumbers(String number, String carrier) {
        assertThat(detector.detect(number).decided()).hasValueSatisfying(best -> assertThat(best.carrier()).isEqualTo(carrier));
    }

    @Test
    void aFailedCheckDigitLowersTheConfidence() {
        CarrierDetection valid = detector.detect("1Z204W4R0308071865");
        CarrierDetection mistyped = detector.detect("1Z204W4R0308071866");

        assertThat(valid.candidates().getFirst().confidence()).isGreaterThan(0.9);
        assertThat(mistyped.candidates().getFirst().confidence()).isLessThan(valid.candidates().getFirst().confidence());
        assertThat(mistyped.candidates().getFirst().why()).contains("check digit does not match");
    }

    @Test
    void twelveDigitsStartingWithSevenWithoutTheFedExCheckDigitLeanToZto() {
        CarrierDetection detection = detector.detect("731234567890");

        assertThat(detection.candidates()).extracting(CarrierCandidate::carrier).containsExactly("zto");
        assertThat(detection.decided()).hasValueSatisfying(best -> assertThat(best.confidence()).isLessThan(0.6));
    }

    @Test
    void aValidFedExNumberStillNamesZtoAsTheRunnerUp() {
        assertThat(detector.detect("776094337676").candidates()).extracting(CarrierCandidate::carrier).containsExactly("fedex", "zto");
    }

    @Test
    void ambiguousOrUnknownNumbersAreNotDecided() {
        assertThat(detector.detect("123").decided()).isEmpty();
        assertThat(detector.detect("123").candidates()).isEmpty();
        assertThat(detector.detect("123456789012345").decided()).as("15 digits: FedEx Ground length only").isEmpty();
        assertThat(detector.detect("9812345678901").decided()).as("a China Post guess is too weak").isEmpty();
    }
}
