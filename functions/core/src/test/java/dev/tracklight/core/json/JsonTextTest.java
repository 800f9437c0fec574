package dev.tracklight.core.json;

import dev.tracklight.core.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTextTest {

    @Test
    void exactlyOneValueIsRead() throws ProblemException {
        assertThat(JsonText.parse(" {\"a\":[1,{\"b\":\"[{\"}]}\n").toString()).isEqualTo("{\"a\":[1,{\"b\":\"[{\"}]}");
    }

    @Test
    void textAfterTheValueIsRefused() {
        assertThatThrownBy(() -> JsonText.parse("{\"a\":1} garbage")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> JsonText.parse("{\"a\":1}{\"a\":2}")).hasMessageContaining("not valid JSON");
    }

    @Test
    void nestingBeyondTheLimitIsABadRequestNotACrash() {
        // GIVEN JSON nested 1,000 deep, which the parser alone answers with an unchecked error
        String deep = "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}";

        // THEN it is refused as a 400 that says why
        assertThatThrownBy(() -> JsonText.parse(deep)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().detail()).contains("nested deeper than 64");
        });
    }

    @Test
    void bracketsInsideStringsDoNotCountAsNesting() throws ProblemException {
        String text = "{\"a\":\"" + "[".repeat(500) + "\\\"" + "{".repeat(500) + "\"}";

        assertThat(JsonText.parse(text).asJsonObject().getString("a")).hasSize(1001);
    }

    @Test
    void anEmptyBodyIsRefused() {
        assertThatThrownBy(() -> JsonText.parse("  ")).hasMessageContaining("empty");
    }
}
