package io.soundbox.library.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.events.AudioKind;
import io.soundbox.library.api.LibraryQueryParser.Params;
import io.soundbox.library.domain.LibraryQuery;
import io.soundbox.library.domain.LibrarySort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LibraryQueryParserTest {
    @Test
    void defaultsToPageOneOfTwentyNewestFirst() {
        LibraryQuery q = parse(new Params(null, null, null, null, null, null, null, null)).query();
        assertThat(q.page()).isEqualTo(1);
        assertThat(q.perPage()).isEqualTo(20);
        assertThat(q.sort()).isEqualTo(LibrarySort.RECENT);
        assertThat(q.match()).isNull();
        assertThat(q.kind()).isNull();
    }

    @Test
    void searchingDefaultsToRelevanceAndQIsAnAliasOfSearch() {
        LibraryQueryParser.Parsed p = parse(new Params("2", "50", "Audio", null, "rain pia", null, " u1 ", "Rain"));
        assertThat(p.rawSearch()).isEqualTo("rain pia");
        assertThat(p.query().match().expression()).isEqualTo("\"rain\" \"pia\"*");
        assertThat(p.query().sort()).isEqualTo(LibrarySort.RELEVANCE);
        assertThat(p.query().kind()).isEqualTo(AudioKind.SFX);
        assertThat(p.query().page()).isEqualTo(2);
        assertThat(p.query().perPage()).isEqualTo(50);
        assertThat(p.query().userId()).isEqualTo("u1");
        assertThat(p.query().category()).isEqualTo("rain");
        assertThat(parse(new Params(null, null, null, "lofi", "rock", null, null, null)).rawSearch()).isEqualTo("lofi");
    }

    @Test
    void relevanceWithoutWordsFallsBackToRecent() {
        assertThat(parse(new Params(null, null, null, "***", null, "relevance", null, null)).query().sort())
                .isEqualTo(LibrarySort.RECENT);
        assertThat(parse(new Params(null, null, null, "rain", null, "popular", null, null)).query().sort())
                .isEqualTo(LibrarySort.POPULAR);
    }

    @Test
    void modelNamesTheKindOfAudio() {
        assertThat(parse(new Params(null, null, "music", null, null, null, null, null)).query().kind())
                .isEqualTo(AudioKind.MUSIC);
        assertThat(parse(new Params(null, null, "voice", null, null, null, null, null)).query().kind())
                .isEqualTo(AudioKind.SPEECH);
        assertThat(parse(new Params(null, null, "sfx", null, null, null, null, null)).query().kind())
                .isEqualTo(AudioKind.SFX);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "page     | 0     | page must be a whole number from 1 to 1000000; got 0",
            "page     | -3    | page must be a whole number from 1 to 1000000; got -3",
            "page     | abc   | page must be a whole number from 1 to 1000000; got 'abc'",
            "page     | 1.5   | page must be a whole number from 1 to 1000000; got '1.5'",
            "page     | 99999999999 | page must be a whole number from 1 to 1000000; got '99999999999'",
            "per_page | 1000  | per_page must be a whole number from 1 to 100; got 1000",
            "per_page | 0     | per_page must be a whole number from 1 to 100; got 0",
            "model    | kazoo | model must be one of music, audio, voice; got 'kazoo'",
            "sort     | sideways | sort must be one of recent, popular, rating, relevance (or newest, top_rated, most_played); got 'sideways'",
            "category | a b   | category must be 1-50 letters, digits, '_' or '-'; got 'a b'",
    })
    void badValuesAreA400WithAClearDetail(String name, String value, String detail) {
        Params p = switch (name) {
            case "page" -> new Params(value, null, null, null, null, null, null, null);
            case "per_page" -> new Params(null, value, null, null, null, null, null, null);
            case "model" -> new Params(null, null, value, null, null, null, null, null);
            case "sort" -> new Params(null, null, null, null, null, value, null, null);
            default -> new Params(null, null, null, null, null, null, null, value);
        };
        assertThatThrownBy(() -> parse(p)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.toProblem("/api/library").status()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo(detail);
        });
    }

    @Test
    void overlongUserIdIsRejected() {
        assertThatThrownBy(() -> parse(new Params(null, null, null, null, null, null, "u".repeat(129), null)))
                .isInstanceOf(ProblemException.class).hasMessageContaining("user_id");
    }

    private static LibraryQueryParser.Parsed parse(Params p) {
        return LibraryQueryParser.parse(p);
    }
}
