package io.soundbox.gateway.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.gateway.downstream.DownstreamUnavailableException;
import io.soundbox.gateway.problem.ApiProblem;
import org.junit.jupiter.api.Test;

class LibraryStorageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheLibrarysStorageAnswer() throws Exception {
        PrivateStorage s = LibraryStorage.parse(JSON.readTree("{\"tier\":\"free\",\"private_count\":19,\"limit\":20,"
                + "\"over_limit\":false,\"used\":19,\"remaining\":1,\"favorites_protected\":true}"));
        assertThat(s).isEqualTo(new PrivateStorage("free", 19, 20L));
        assertThat(s.room()).isEqualTo(1);
        PrivateStorage unlimited = LibraryStorage.parse(JSON.readTree("{\"private_count\":900,\"limit\":null}"));
        assertThat(unlimited.room()).isEqualTo(Long.MAX_VALUE);
        assertThat(new PrivateStorage("free", 25, 20L).room()).as("over the limit already").isZero();
    }

    @Test
    void anAnswerWithoutTheCountsIsTheLibraryBeingUnavailable() {
        for (String bad : new String[] {"{}", "[]", "{\"private_count\":\"3\",\"limit\":20}",
                "{\"private_count\":3,\"limit\":\"20\"}", "{\"private_count\":1.5}"}) {
            assertThatThrownBy(() -> LibraryStorage.parse(JSON.readTree(bad))).as(bad)
                    .isInstanceOf(DownstreamUnavailableException.class);
        }
    }

    @Test
    void theStorageProblemNamesTheNumbersAndTheWayOut() {
        ApiProblem p = GenerationService.storageFull(new PrivateStorage(null, 19, 20L), 1, "supporter");
        assertThat(p.status()).isEqualTo(403);
        assertThat(p.type()).isEqualTo("urn:soundbox:problem:storage-limit");
        assertThat(p.extensions()).containsEntry("private_count", 19L).containsEntry("pending_private", 1L)
                .containsEntry("limit", 20L).containsEntry("cleanup_url", "/api/my-generations/cleanup");
        assertThat(p.detail()).contains("19").contains("1 more").contains("supporter tier keeps 20");
    }
}
