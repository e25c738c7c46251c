package io.soundbox.gateway.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.events.ModelId;
import io.soundbox.gateway.domain.Tier;
import io.soundbox.gateway.problem.ApiProblem;
import org.junit.jupiter.api.Test;

class GenerationRequestParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static GenerationOrder parse(String json, Tier tier) throws Exception {
        JsonNode node = JSON.readTree(json);
        return GenerationRequestParser.parse(node, tier);
    }

    private static ApiProblem rejected(String json, Tier tier) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> parse(json, tier));
        assertThat(t).isInstanceOf(ApiProblem.class);
        ApiProblem p = (ApiProblem) t;
        assertThat(p.status()).isEqualTo(400);
        return p;
    }

    @Test
    void defaultsLikeTheOriginal() throws Exception {
        GenerationOrder o = parse("{}", Tier.FREE);
        assertThat(o).isEqualTo(new GenerationOrder("upbeat electronic music", ModelId.MUSIC, 8, false));
        assertThat(parse("{\"prompt\":null,\"model\":null,\"duration\":null,\"loop\":null}", Tier.FREE))
                .isEqualTo(o);
    }

    @Test
    void acceptsAllFields() throws Exception {
        assertThat(parse("{\"prompt\":\"  dark techno \",\"model\":\"magnet-audio\",\"duration\":20,\"loop\":true}",
                Tier.FREE)).isEqualTo(new GenerationOrder("dark techno", ModelId.MAGNET_AUDIO, 20, true));
        assertThat(parse("{\"model\":\"sfx\"}", Tier.FREE).model()).isEqualTo(ModelId.AUDIO);
        assertThat(parse("{\"model\":\"magnet\"}", Tier.FREE).model()).isEqualTo(ModelId.MAGNET_MUSIC);
        assertThat(parse("{\"duration\":12.0}", Tier.FREE).durationSeconds()).isEqualTo(12);
        assertThat(parse("{\"prompt\":\"abc\"}", Tier.FREE).prompt()).isEqualTo("abc");
        assertThat(parse("{\"prompt\":\"" + "x".repeat(500) + "\"}", Tier.FREE).prompt()).hasSize(500);
        assertThat(parse("{\"prompt\":\"caf\u00e9 \uD83C\uDFB5 music\"}", Tier.FREE).prompt()).contains("\uD83C\uDFB5");
    }

    @Test
    void visibilityDefaultsToPublicAndAcceptsTheOriginalsPrivateFlag() throws Exception {
        assertThat(parse("{}", Tier.FREE).isPublic()).isTrue();
        assertThat(parse("{\"is_public\":null}", Tier.FREE).isPublic()).isTrue();
        assertThat(parse("{\"is_public\":false}", Tier.FREE).isPublic()).isFalse();
        assertThat(parse("{\"is_public\":true}", Tier.FREE).isPublic()).isTrue();
        assertThat(parse("{\"private\":true}", Tier.FREE).isPublic()).isFalse();
        assertThat(parse("{\"private\":false}", Tier.FREE).isPublic()).isTrue();
        assertThat(parse("{\"private\":true,\"is_public\":false}", Tier.FREE).isPublic()).isFalse();
    }

    @Test
    void visibilityMustBeABooleanAndNotContradictItself() {
        ApiProblem notBoolean = rejected("{\"is_public\":\"no\"}", Tier.FREE);
        assertThat(notBoolean.type()).isEqualTo("urn:soundbox:problem:invalid-visibility");
        assertThat(notBoolean.extensions()).containsEntry("field", "is_public");
        assertThat(rejected("{\"private\":1}", Tier.FREE).extensions()).containsEntry("field", "private");
        assertThat(rejected("{\"private\":true,\"is_public\":true}", Tier.FREE).detail()).contains("contradict");
    }

    @Test
    void promptRules() {
        assertThat(rejected("{\"prompt\":\"\"}", Tier.FREE).detail()).contains("at least 3");
        assertThat(rejected("{\"prompt\":\"   ab   \"}", Tier.FREE).detail()).contains("at least 3");
        assertThat(rejected("{\"prompt\":\"" + "x".repeat(501) + "\"}", Tier.FREE).detail()).contains("at most 500");
        assertThat(rejected("{\"prompt\":\"a\\tb c\"}", Tier.FREE).detail()).contains("control");
        assertThat(rejected("{\"prompt\":\"abc\\u007f\"}", Tier.FREE).detail()).contains("control");
        assertThat(rejected("{\"prompt\":[\"abc\"]}", Tier.FREE).detail()).contains("string");
    }

    @Test
    void durationRulesPerTier() throws Exception {
        assertThat(rejected("{\"duration\":0}", Tier.FREE).detail()).contains("at least 1");
        assertThat(rejected("{\"duration\":-5}", Tier.ADMIN).detail()).contains("at least 1");
        ApiProblem tooLong = rejected("{\"duration\":61}", Tier.SUPPORTER);
        assertThat(tooLong.detail()).contains("at most 60").contains("supporter");
        assertThat(tooLong.extensions()).containsEntry("max_duration", 60);
        assertThat(parse("{\"duration\":180}", Tier.CREATOR).durationSeconds()).isEqualTo(180);
        assertThat(parse("{\"duration\":600}", Tier.ADMIN).durationSeconds()).isEqualTo(600);
        assertThat(rejected("{\"duration\":99999999999}", Tier.ADMIN).detail()).contains("too large");
        assertThat(rejected("{\"duration\":1.5}", Tier.FREE).detail()).contains("whole number");
        assertThat(rejected("{\"duration\":true}", Tier.FREE).detail()).contains("whole number");
        // A number in quotes is a string, not a number: refused, naming the field (ints and floats above still pass).
        for (String quoted : new String[] {"\"10\"", "\" 10 \"", "\"10.0\"", "\"\""}) {
            ApiProblem p = rejected("{\"duration\":" + quoted + "}", Tier.FREE);
            assertThat(p.type()).isEqualTo("urn:soundbox:problem:invalid-duration");
            assertThat(p.detail()).contains("number").contains("string");
            assertThat(p.extensions()).containsEntry("field", "duration");
        }
    }

    @Test
    void validationOrderIsPromptDurationModel() {
        assertThat(rejected("{\"prompt\":\"\",\"duration\":0,\"model\":\"x\"}", Tier.FREE).detail()).contains("prompt");
        assertThat(rejected("{\"duration\":0,\"model\":\"x\"}", Tier.FREE).detail()).contains("duration");
    }

    @Test
    void unknownModelListsTheValidOnes() {
        ApiProblem p = rejected("{\"model\":\"banjo\"}", Tier.FREE);
        assertThat(p.detail()).contains("music, audio, sfx, magnet, magnet-music, magnet-audio");
        assertThat(rejected("{\"model\":7}", Tier.FREE).detail()).contains("model must be one of");
    }

    @Test
    void bodyMustBeAnObject() {
        assertThatThrownBy(() -> parse("[]", Tier.FREE)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> parse("\"text\"", Tier.FREE)).isInstanceOf(ApiProblem.class);
        assertThat(rejected("{\"loop\":1}", Tier.FREE).detail()).contains("loop");
    }
}
