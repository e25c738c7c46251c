package io.soundbox.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentPolicyTest {
    private static final ContentPolicy POLICY = ContentPolicy.shipped();

    @Test
    void refusesABlockedWordAndNamesTheField() {
        assertThat(POLICY.check("notes", "this is sh1t")).hasValueSatisfying(r -> {
            assertThat(r.field()).isEqualTo("notes");
            assertThat(r.detail()).isEqualTo("the notes contains words that are not allowed; please rephrase it")
                    .doesNotContain("sh1t");
        });
        assertThat(POLICY.check("notes", "lovely pads")).isEmpty();
        assertThat(POLICY.check("notes", null)).isEmpty();
    }

    @Test
    void checksEveryEntryOfAList() {
        assertThat(POLICY.checkEach("tags", List.of("calm", "p0rn"))).map(ContentPolicy.Refusal::field)
                .hasValue("tags");
        assertThat(POLICY.checkEach("tags", List.of("calm", "piano"))).isEmpty();
        assertThat(POLICY.checkEach("tags", null)).isEmpty();
    }
}
