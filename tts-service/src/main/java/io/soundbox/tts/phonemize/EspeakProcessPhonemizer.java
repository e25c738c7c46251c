package io.soundbox.tts.phonemize;

import io.soundbox.tts.text.SentenceSplitter;
import io.soundbox.tts.text.SentenceSplitter.Clause;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fallback phonemizer: the system's {@code espeak-ng -q --ipa -v VOICE --stdin} as a separate
 * process (Debian's espeak-ng is GPL-3.0; a process keeps it out of this JVM). Debian's 1.51 prints one
 * line per clause but drops the punctuation, so the clauses are split here as well and the
 * punctuation put back when both agree on the clause count; otherwise each line is one sentence.
 */
public final class EspeakProcessPhonemizer implements Phonemizer {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final String command;
    private final SentenceSplitter splitter = new SentenceSplitter();

    public EspeakProcessPhonemizer(String command) {
        this.command = command;
    }

    /** True when the command runs here. */
    public static boolean available(String command) {
        try {
            Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public List<String> phonemize(String text, String espeakVoice) {
        List<Clause> clauses = splitter.clauses(text);
        // One clause per line, its punctuation kept: espeak-ng then prints one line per clause.
        StringBuilder input = new StringBuilder();
        for (Clause c : clauses) {
            input.append(c.text());
            if (c.terminator() != 0) {
                input.append(c.terminator());
            }
            input.append('\n');
        }
        List<String> lines = run(espeakVoice, input.toString());
        List<String> sentences = new ArrayList<>();
        if (lines.size() == clauses.size()) {
            StringBuilder sentence = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                Clause c = clauses.get(i);
                sentence.append(lines.get(i));
                switch (c.terminator()) {
                    case '.', '?', '!' -> sentence.append(c.terminator());
                    case ',', ':', ';' -> sentence.append(c.terminator()).append(' ');
                    default -> { }
                }
                if (c.endsSentence()) {
                    sentences.add(sentence.toString());
                    sentence.setLength(0);
                }
            }
            if (!sentence.isEmpty()) {
                sentences.add(sentence.toString());
            }
        } else {
            sentences.addAll(lines);
        }
        sentences.removeIf(String::isBlank);
        return sentences;
    }

    private List<String> run(String voice, String input) {
        Process p;
        try {
            p = new ProcessBuilder(command, "-q", "--ipa", "-v", voice, "--stdin").start();
        } catch (IOException e) {
            throw new PhonemizerException("cannot run " + command + ": " + e.getMessage(), e);
        }
        try {
            try (OutputStream stdin = p.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String out;
            try (InputStream stdout = p.getInputStream()) {
                out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            }
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new PhonemizerException(command + " did not finish within " + TIMEOUT.toSeconds() + " s");
            }
            if (p.exitValue() != 0 || !err.isEmpty()) {
                throw new PhonemizerException(command + " failed for voice '" + voice + "': "
                        + (err.isEmpty() ? "exit code " + p.exitValue() : err));
            }
            List<String> lines = new ArrayList<>();
            for (String line : out.split("\n")) {
                String t = line.strip();
                if (!t.isEmpty()) {
                    lines.add(t);
                }
            }
            return lines;
        } catch (IOException e) {
            p.destroyForcibly();
            throw new PhonemizerException("espeak-ng I/O failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new PhonemizerException("interrupted while waiting for espeak-ng", e);
        }
    }

    @Override
    public String name() {
        return "espeak-ng (" + command + " process)";
    }
}
