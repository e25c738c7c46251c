package io.soundbox.library.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.soundbox.events.AudioKind;
import io.soundbox.library.domain.LibraryQuery;
import io.soundbox.library.domain.LibrarySort;
import io.soundbox.library.persistence.GenerationRepository;
import io.soundbox.library.persistence.Samples;
import io.soundbox.library.persistence.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Fts5QueryTest {
    @TempDir
    static Path dir;
    static TestDatabase db;
    static GenerationRepository repository;

    @BeforeAll
    static void library() {
        db = TestDatabase.migrated(dir);
        repository = new GenerationRepository(db);
        repository.upsert(Samples.music("g-lofi", "gentle rainy lofi piano for studying", List.of("lofi", "piano"),
                Samples.T0));
        repository.upsert(Samples.music("g-rock", "loud rock anthem with electric guitar (live)", List.of("rock"),
                Samples.T0.plusSeconds(1)));
        repository.upsert(Samples.music("g-cafe", "café jazz, naïve and warm", List.of("jazz"),
                Samples.T0.plusSeconds(2)));
        repository.upsert(Samples.music("g-jp", "東京 夜 ピアノ", List.of("piano"), Samples.T0.plusSeconds(3)));
        repository.upsert(Samples.music("g-or", "OR NOT NEAR AND prompt category", List.of("ambient"),
                Samples.T0.plusSeconds(4)));
    }

    // ---- what a query means ----

    static Stream<Arguments> meanings() {
        return Stream.of(
                Arguments.of("rain", "\"rain\"*"),
                Arguments.of("lofi pian", "\"lofi\" \"pian\"*"),
                Arguments.of("  lofi   piano  ", "\"lofi\" \"piano\"*"),
                Arguments.of("\"lofi\" OR \"rock\"", "\"lofi\" \"rock\"*"),
                Arguments.of("lofi or rock and not jazz near piano", "\"lofi\" \"rock\" \"jazz\" \"piano\"*"),
                Arguments.of("NEAR(lofi piano, 3)", "\"lofi\" \"piano\" \"3\""),
                Arguments.of("prompt:rain", "\"rain\"*"),
                Arguments.of("prompt : rain category:lofi", "\"rain\" \"lofi\"*"),
                Arguments.of("{prompt category}: rain", "\"rain\"*"),
                Arguments.of("{unclosed rain", "\"unclosed\" \"rain\"*"),
                Arguments.of("-loud +rock ^start pian*", "\"loud\" \"rock\" \"start\" \"pian\"*"),
                Arguments.of("drum_and_bass", "\"drum\" \"bass\"*"),
                Arguments.of("it's 80s", "\"it\" \"s\" \"80s\"*"),
                Arguments.of("80s it's", "\"80s\" \"it\" \"s\""),
                Arguments.of("café naïve", "\"café\" \"naïve\"*"),
                Arguments.of("ｌｏｆｉ", "\"lofi\"*"),
                Arguments.of("東京 ピアノ", "\"東京\" \"ピアノ\"*"),
                Arguments.of("rain🌧️storm", "\"rain\" \"storm\"*"),
                Arguments.of("a\u0000b\u0007c", "\"a\" \"b\" \"c\""), // one letter: a word, not a prefix
                Arguments.of("dark p", "\"dark\" \"p\""),
                Arguments.of("dark pi", "\"dark\" \"pi\"*"),
                Arguments.of("東", "\"東\""));
    }

    @ParameterizedTest
    @MethodSource("meanings")
    void keepsOnlyQuotedWordsWithAPrefixOnTheLast(String input, String expected) {
        assertThat(Fts5Query.parse(input)).map(Fts5Query::expression).contains(expected);
    }

    @Test
    void textWithoutWordsIsNoSearch() {
        for (String input : new String[] {null, "", "   ", "\"", "***", "()", "OR", "AND OR NOT NEAR", "prompt:",
                "🎵🎶", "\u0000\u0001", "-", ":", "{prompt}:"}) {
            assertThat(Fts5Query.parse(input)).as("input %s", input).isEmpty();
        }
    }

    @Test
    void boundsTheNumberAndLengthOfTerms() {
        Fts5Query many = Fts5Query.parse("w ".repeat(1000)).orElseThrow();
        assertThat(many.terms()).hasSize(Fts5Query.MAX_TERMS);
        Fts5Query longWord = Fts5Query.parse("x".repeat(10_000)).orElseThrow();
        assertThat(longWord.terms()).containsExactly("x".repeat(Fts5Query.MAX_TERM_LENGTH));
        // Truncation never splits a surrogate pair.
        Fts5Query wide = Fts5Query.parse("𝐀".repeat(100)).orElseThrow();
        assertThat(wide.terms().get(0).codePointCount(0, wide.terms().get(0).length()))
                .isEqualTo(Fts5Query.MAX_TERM_LENGTH);
    }

    // ---- what a query finds, on a real FTS5 index ----

    @Test
    void findsByWordsPrefixStemAndCategory() {
        assertThat(ids("lofi pian")).containsExactly("g-lofi");
        assertThat(ids("rain")).containsExactly("g-lofi"); // porter: rainy -> raini, prefix rain*
        assertThat(ids("studies")).containsExactly("g-lofi"); // porter stems both to "studi"
        assertThat(ids("piano")).containsExactlyInAnyOrder("g-lofi", "g-jp"); // g-jp by its category
        assertThat(ids("cafe naive")).containsExactly("g-cafe"); // diacritics folded
        assertThat(ids("ピアノ")).containsExactly("g-jp");
        assertThat(ids("lofi rock")).isEmpty(); // implicit AND
        assertThat(ids("OR NOT")).hasSize(5); // operators dropped: no search at all, everything listed
        assertThat(ids("prompt category")).containsExactly("g-or"); // plain words are searched as words
    }

    static Stream<String> hostile() {
        return Stream.of(
                "\"", "\"\"", "\"rain", "rain\"", "'", "''", "rain'", "\\", "\\\"", "`", "(", ")", "((rain", "rain))",
                ")(", "*", "**", "rain*", "*rain", "^", "^rain", ":", "prompt:", "prompt:rain", ":rain",
                "category:lofi", "{prompt}:rain", "{prompt", "}:", "-", "-rain", "+", "+rain", "OR", "AND", "NOT",
                "NEAR", "or", "NEAR(a b)", "NEAR(rain piano, 2)", "NEAR/2", "rain OR", "OR rain", "rain AND NOT",
                "rain NOT piano", "a OR b AND c NOT d", "\"rain\" OR \"piano\"", "rain -piano", "rain + piano",
                "rain; DROP TABLE generations; --", "' OR '1'='1", "\" OR \"1\"=\"1", "1; SELECT * FROM sqlite_master",
                "rain') UNION SELECT sql FROM sqlite_master --", "%", "_", "%rain%", "rain\u0000piano", "\u0000",
                "\u0001\u0002\u0003\u001b[31m", "\t\n\r", "\uFEFFrain", "\uD800", "\uDC00rain\uD800", "🎹🌧️",
                "rain🌧️", "👨‍👩‍👧", "\u202Erain", "ｒａｉｎ", "ﷺ", "𞤀𞤁", "\u0301\u0301", "e\u0301",
                "x".repeat(10_000), "rain ".repeat(2_000), "(".repeat(10_000), "\"".repeat(10_000),
                "{".repeat(5_000) + "}:", "NEAR(".repeat(2_000), "𝐀".repeat(5_000));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileTextRunsAgainstRealFts5WithoutError(String input) {
        Optional<Fts5Query> q = Fts5Query.parse(input);
        q.ifPresent(query -> assertThatCode(() -> matchCount(query.expression())).doesNotThrowAnyException());
        for (LibrarySort sort : new LibrarySort[] {LibrarySort.RECENT, LibrarySort.POPULAR, LibrarySort.RATING}) {
            assertThatCode(() -> list(input, sort)).doesNotThrowAnyException();
        }
        q.ifPresent(query -> assertThatCode(() -> list(input, LibrarySort.RELEVANCE)).doesNotThrowAnyException());
    }

    private static List<String> ids(String search) {
        return list(search, null).stream().toList();
    }

    private static List<String> list(String search, LibrarySort requested) {
        Fts5Query match = Fts5Query.parse(search).orElse(null);
        LibrarySort sort = LibrarySort.effective(requested, match != null);
        LibraryQuery q = new LibraryQuery(1, 100, (AudioKind) null, match, sort, null, null);
        return repository.list(q).items().stream().map(g -> g.id()).toList();
    }

    private static long matchCount(String expression) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement p = c.prepareStatement("SELECT count(*) FROM generations_fts WHERE generations_fts MATCH ?")) {
            p.setString(1, expression);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
