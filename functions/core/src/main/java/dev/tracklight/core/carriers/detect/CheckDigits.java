package dev.tracklight.core.carriers.detect;

/** The check-digit schemes that make a tracking number's carrier more than a guess from its shape. */
final class CheckDigits {

    private CheckDigits() {
    }

    /** UPS {@code 1Z}: letters count as (code − 3) mod 10, odd positions doubled, mod 10. */
    static boolean ups(String number) {
        int total = 0;
        for (int i = 2; i < 17; i++) {
            char c = number.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : (c - 3) % 10;
            total += (i - 2) % 2 == 1 ? value * 2 : value;
        }
        return (10 - total % 10) % 10 == number.charAt(17) - '0';
    }

    /** FedEx Express 12 digits: weights 1, 3, 7 from the right, mod 11, mod 10. */
    static boolean fedExExpress(String number) {
        int[] weights = {1, 3, 7};
        int total = 0;
        for (int i = 10, w = 0; i >= 0; i--, w++) {
            total += (number.charAt(i) - '0') * weights[w % 3];
        }
        return total % 11 % 10 == number.charAt(11) - '0';
    }

    /** USPS IMpb and the GS1 mod 10 many parcel barcodes use: weights 3, 1 from the right. */
    static boolean mod10Weights31(String number) {
        int total = 0;
        for (int i = number.length() - 2, w = 0; i >= 0; i--, w++) {
            total += (number.charAt(i) - '0') * (w % 2 == 0 ? 3 : 1);
        }
        return (10 - total % 10) % 10 == number.charAt(number.length() - 1) - '0';
    }

    /** UPU S10 ({@code RB123456785CN}): weights 8 6 4 2 3 5 9 7, 11 − sum mod 11, 10 → 0, 11 → 5. */
    static boolean s10(String number) {
        int[] weights = {8, 6, 4, 2, 3, 5, 9, 7};
        int total = 0;
        for (int i = 0; i < 8; i++) {
            total += (number.charAt(2 + i) - '0') * weights[i];
        }
        int check = 11 - total % 11;
        check = check == 10 ? 0 : check == 11 ? 5 : check;
        return check == number.charAt(10) - '0';
    }

    /** DHL Express 10 digits: the first nine mod 7. */
    static boolean dhlExpress(String number) {
        return Long.parseLong(number.substring(0, 9)) % 7 == number.charAt(9) - '0';
    }
}
