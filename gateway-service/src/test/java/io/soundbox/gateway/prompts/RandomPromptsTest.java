package io.soundbox.gateway.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.events.AudioKind;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomPromptsTest {
    private final RandomPrompts prompts = RandomPrompts.fromClasspath(new ObjectMapper());

    @Test
    void everySlotIsFilledAndPromptsAreValidLength() {
        Random random = new Random(1);
        for (int i = 0; i < 500; i++) {
            for (AudioKind kind : AudioKind.values()) {
                String p = prompts.prompt(kind, random);
                assertThat(p).doesNotContain("{").doesNotContain("}");
                assertThat(p.strip().length()).isBetween(3, 500);
            }
        }
    }

    @Test
    void aSeedGivesTheSamePrompt() {
        assertThat(prompts.prompt(AudioKind.MUSIC, new Random(42)))
                .isEqualTo(prompts.prompt(AudioKind.MUSIC, new Random(42)));
        assertThat(prompts.prompt(AudioKind.SFX, new Random(7)))
                .isEqualTo(prompts.prompt(AudioKind.SFX, new Random(7)));
    }

    @Test
    void promptsVaryAndKindsUseTheirOwnWords() {
        Random random = new Random(3);
        Set<String> music = new HashSet<>();
        Set<String> sfx = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            music.add(prompts.prompt(AudioKind.MUSIC, random));
            sfx.add(prompts.prompt(AudioKind.SFX, random));
        }
        assertThat(music).hasSizeGreaterThan(90);
        assertThat(sfx).hasSizeGreaterThan(90);
        assertThat(sfx).noneMatch(p -> p.contains("bpm"));
    }

    @Test
    void generatedPromptsPassTheContentFilter() {
        var filter = io.soundbox.moderation.ContentFilter.fromClasspath();
        Random random = new Random(9);
        for (int i = 0; i < 300; i++) {
            assertThat(filter.firstMatch(prompts.prompt(AudioKind.MUSIC, random))).isEmpty();
            assertThat(filter.firstMatch(prompts.prompt(AudioKind.SFX, random))).isEmpty();
        }
    }
}
