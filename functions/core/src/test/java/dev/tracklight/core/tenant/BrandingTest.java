package dev.tracklight.core.tenant;

import dev.tracklight.core.json.Json;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BrandingTest {

    private static final Branding SHOP = new Branding("Lotus Tea House", "https://cdn.lotus.example/logo.png", "#0a6e4f",
            "help@lotus.example", "+86 571 8888 0000", "https://lotus.example/help",
            List.of(new Branding.Link("Returns", "https://lotus.example/returns")));

    @Test
    void aCompleteBrandingIsValidAndSurvivesJson() {
        assertThat(SHOP.problems()).isEmpty();
        assertThat(Json.read(Json.write(SHOP), Branding.class)).isEqualTo(SHOP);
    }

    @Test
    void aNameAloneIsEnough() {
        assertThat(new Branding("Lotus", null, null, null, null, null, null).problems()).isEmpty();
    }

    @Test
    void theContrastRatioIsWcags() {
        // GIVEN WCAG's own reference points: black 21:1, white 1:1, #767676 the lightest grey that passes AA on white
        assertThat(Branding.contrastOnWhite("#000000")).isCloseTo(21.0, within(0.01));
        assertThat(Branding.contrastOnWhite("#ffffff")).isCloseTo(1.0, within(0.01));
        assertThat(Branding.contrastOnWhite("#767676")).isCloseTo(4.54, within(0.01));
    }

    @Test
    void aColourThatCannotBeReadOnWhiteIsRefusedWithItsRatio() {
        // WHEN a merchant picks a light yellow, or a grey just lighter than AA allows
        List<String> yellow = withColor("#ffcc00").problems();
        List<String> grey = withColor("#777777").problems();

        // THEN each is refused, saying how far off it is
        assertThat(yellow).singleElement().asString().contains("#ffcc00 reads at 1.").contains("4.5:1");
        assertThat(grey).singleElement().asString().contains("4.48:1");
        assertThat(withColor("#767676").problems()).isEmpty();
        assertThat(withColor("green").problems()).containsExactly("primaryColor must be a colour as #rrggbb");
    }

    @Test
    void everyBadFieldIsNamed() {
        // GIVEN a branding wrong in every field
        var bad = new Branding(" ", "http://cdn.example/logo.png", "#12345", "not-an-address", "call us", "https://user:pw@shop.example/",
                Collections.nCopies(6, new Branding.Link("", "javascript:alert(1)")));

        // WHEN it is checked
        List<String> problems = bad.problems();

        // THEN each field is named once, and each link's label and url
        assertThat(problems).anyMatch(p -> p.startsWith("name is required"))
                .anyMatch(p -> p.startsWith("logoUrl must be an https URL"))
                .anyMatch(p -> p.startsWith("primaryColor must be"))
                .anyMatch(p -> p.startsWith("supportEmail"))
                .anyMatch(p -> p.startsWith("supportPhone"))
                .anyMatch(p -> p.startsWith("supportUrl must be an https URL"))
                .anyMatch(p -> p.startsWith("links holds at most 5"))
                .anyMatch(p -> p.startsWith("links[5].label"))
                .anyMatch(p -> p.startsWith("links[0].url must be an https URL"));
        assertThat(new Branding("x".repeat(81), null, null, null, null, null, null).problems()).hasSize(1);
        assertThat(new Branding("Lotus\u0007", null, null, null, null, null, null).problems()).hasSize(1);
        assertThat(new Branding("Lotus", null, null, null, null, null, java.util.Arrays.asList((Branding.Link) null)).problems())
                .contains("links[0].label is required: 1 to 40 characters", "links[0].url is required");
    }

    private static Branding withColor(String color) {
        return new Branding("Lotus", null, color, null, null, null, null);
    }
}
