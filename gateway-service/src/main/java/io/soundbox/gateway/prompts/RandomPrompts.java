package io.soundbox.gateway.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.events.AudioKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Random prompts for {@code POST /random-prompt}: a template per kind (music: genre, mood, instruments,
 * tempo; sound effects: source, action, environment) filled from word lists kept as data
 * ({@value #RESOURCE}). A seed gives the same prompt every time.
 */
public final class RandomPrompts {
    public static final String RESOURCE = "random-prompts.json";
    private static final Pattern SLOT = Pattern.compile("\\{([a-z_]+)}");

    private final Map<AudioKind, Templates> byKind;

    record Templates(List<String> templates, Map<String, List<String>> words) {
    }

    RandomPrompts(Map<AudioKind, Templates> byKind) {
        this.byKind = Map.copyOf(byKind);
    }

    public static RandomPrompts fromClasspath(ObjectMapper json) {
        try (InputStream in = RandomPrompts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode root = json.readTree(in);
            return new RandomPrompts(Map.of(AudioKind.MUSIC, templates(root.path("music")),
                    AudioKind.SFX, templates(root.path("sfx"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Templates templates(JsonNode node) {
        List<String> templates = strings(node.path("templates"));
        Map<String, List<String>> words = new HashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("templates")) {
                words.put(e.getKey(), strings(e.getValue()));
            }
        });
        if (templates.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": a kind has no templates");
        }
        for (String t : templates) {
            Matcher m = SLOT.matcher(t);
            while (m.find()) {
                if (words.getOrDefault(m.group(1), List.of()).isEmpty()) {
                    throw new IllegalStateException(RESOURCE + ": no words for {" + m.group(1) + "}");
                }
            }
        }
        return new Templates(templates, Map.copyOf(words));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    /** A prompt for {@code kind} (speech has no templates and gets music's), drawn with {@code random}. */
    public String prompt(AudioKind kind, Random random) {
        Templates t = byKind.getOrDefault(kind, byKind.get(AudioKind.MUSIC));
        String template = t.templates().get(random.nextInt(t.templates().size()));
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        Map<String, List<String>> used = new HashMap<>();
        while (m.find()) {
            List<String> words = t.words().get(m.group(1));
            List<String> taken = used.computeIfAbsent(m.group(1), k -> new ArrayList<>());
            String word = words.get(random.nextInt(words.size()));
            // A slot used twice in one template ("{instrument} and {instrument}") gets two different words.
            for (int tries = 0; taken.contains(word) && tries < 8; tries++) {
                word = words.get(random.nextInt(words.size()));
            }
            taken.add(word);
            m.appendReplacement(out, Matcher.quoteReplacement(word));
        }
        m.appendTail(out);
        return out.toString();
    }
}
