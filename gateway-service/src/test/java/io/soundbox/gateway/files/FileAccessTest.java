package io.soundbox.gateway.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.soundbox.gateway.auth.Caller;
import io.soundbox.gateway.domain.Tier;
import io.soundbox.gateway.downstream.DownstreamUnavailableException;
import io.soundbox.gateway.problem.ApiProblem;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The rule of issue #7 on its own: the library's answers, the job read model and callers are inputs. */
class FileAccessTest {
    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final Caller OWNER = new Caller("owner", Tier.FREE);
    private static final Caller OTHER = new Caller("other", Tier.CREATOR);
    private static final Caller ADMIN = new Caller("boss", Tier.CREATOR, true);
    /** Bearer headers the fake authenticator knows. */
    private static final Map<String, Caller> TOKENS = Map.of("Bearer owner", OWNER, "Bearer other", OTHER,
            "Bearer admin", ADMIN);

    private final FileUrlSigner signer = new FileUrlSigner(new byte[32], Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofHours(1));
    private final AtomicBoolean libraryDown = new AtomicBoolean();
    private final List<String> lookups = new ArrayList<>();
    private final FileAccess access = new FileAccess(signer, new FileVisibilityCache(this::library, 100,
            Duration.ofSeconds(30), Duration.ofSeconds(5)), this::jobOwner, this::caller);

    private FileLookup library(String name) {
        lookups.add(name);
        if (libraryDown.get()) {
            throw new DownstreamUnavailableException("library-service", "down", null);
        }
        return switch (name) {
            case "public.wav" -> new FileLookup.Known(new FileInfo("public", name, null, "owner", true, "p"));
            case "private.wav", "private.png" -> new FileLookup.Known(
                    new FileInfo("private", "private.wav", "private.png", "owner", false, "secret"));
            default -> FileLookup.UNKNOWN;
        };
    }

    private Optional<String> jobOwner(String name) {
        return name.equals("job-1.wav") ? Optional.of("owner") : Optional.empty();
    }

    private Optional<Caller> caller(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        Caller c = TOKENS.get(authorization);
        if (c == null) {
            throw ApiProblem.unauthorized("bad token");
        }
        return Optional.of(c);
    }

    private FileAccess.Grant as(String authorization, String name) {
        return access.authorize(name, authorization, null, null, false);
    }

    private ApiProblem refused(String authorization, String name, String exp, String sig) {
        return catchThrowableOfType(() -> access.authorize(name, authorization, exp, sig, false), ApiProblem.class);
    }

    private static String[] expSig(String url) {
        String q = URI.create(url).getRawQuery();
        return new String[] {q.replaceAll(".*exp=([^&]*).*", "$1"), q.replaceAll(".*sig=([^&]*).*", "$1")};
    }

    @Test
    void aPublicFileIsForEveryoneWithoutLookingAtCredentials() {
        assertThat(as(null, "public.wav").publicFile()).isTrue();
        // Not even a bad token is looked at: the public path stays cheap.
        assertThat(as("Bearer made-up", "public.wav").publicFile()).isTrue();
        assertThat(as(null, "public.wav").info().prompt()).isEqualTo("p");
    }

    @Test
    void aPrivateFileIsForItsOwnerAndAdminsOnly() {
        FileAccess.Grant owner = as("Bearer owner", "private.wav");
        assertThat(owner.publicFile()).isFalse();
        assertThat(owner.caller()).isEqualTo(OWNER);
        assertThat(as("Bearer admin", "private.wav").caller()).isEqualTo(ADMIN);
        assertThat(as("Bearer owner", "private.png").publicFile()).isFalse();
        // Someone else and anonymous callers get the answer of an unknown file.
        assertThat(refused("Bearer other", "private.wav", null, null).status()).isEqualTo(404);
        assertThat(refused(null, "private.wav", null, null).status()).isEqualTo(404);
        assertThat(refused("Bearer made-up", "private.wav", null, null).status()).isEqualTo(401);
    }

    @Test
    void aFileTheLibraryDoesNotKnowBelongsToTheOwnerOfItsJob() {
        assertThat(as("Bearer owner", "job-1.wav").info()).isNull();
        assertThat(as("Bearer admin", "job-1.wav").publicFile()).isFalse();
        assertThat(refused("Bearer other", "job-1.wav", null, null).status()).isEqualTo(404);
        assertThat(refused(null, "job-1.wav", null, null).status()).isEqualTo(404);
        // Known to neither: 404 for everyone, admins included.
        assertThat(refused("Bearer admin", "nothing.wav", null, null).status()).isEqualTo(404);
        assertThat(refused(null, "nothing.wav", null, null).detail())
                .isEqualTo(refused("Bearer other", "private.wav", null, null).detail());
    }

    @Test
    void aSignedUrlOpensAPrivateFileForAnyone() {
        String[] q = expSig(signer.sign("/audio/", "private.wav").url());
        FileAccess.Grant g = access.authorize("private.wav", null, q[0], q[1], false);
        assertThat(g.publicFile()).isFalse();
        assertThat(lookups).as("a valid signature needs no lookup").isEmpty();
        assertThat(access.authorize("private.wav", null, q[0], q[1], true).info().id()).isEqualTo("private");
    }

    @Test
    void aBadSignatureIs403WhateverTheFile() {
        String[] q = expSig(signer.sign("/audio/", "private.wav").url());
        ApiProblem otherFile = refused(null, "public.wav", q[0], q[1]);
        assertThat(otherFile.status()).isEqualTo(403);
        assertThat(otherFile.type()).isEqualTo("urn:soundbox:problem:signed-url-invalid");
        assertThat(refused("Bearer owner", "private.wav", q[0], "AAAA").status()).isEqualTo(403);
        assertThat(refused(null, "private.wav", q[0], null).status()).isEqualTo(403);
        assertThat(refused(null, "private.wav", null, q[1]).status()).isEqualTo(403);

        FileUrlSigner past = new FileUrlSigner(new byte[32], Clock.fixed(NOW.minusSeconds(7200), ZoneOffset.UTC),
                Duration.ofHours(1));
        String[] old = expSig(past.sign("/audio/", "private.wav").url());
        ApiProblem expired = refused(null, "private.wav", old[0], old[1]);
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.type()).isEqualTo("urn:soundbox:problem:signed-url-expired");
        assertThat(lookups).isEmpty();
    }

    @Test
    void theLibraryDownFailsClosedUnlessTheAnswerIsCached() {
        as(null, "public.wav");
        libraryDown.set(true);
        assertThat(as(null, "public.wav").publicFile()).as("cached").isTrue();
        ApiProblem p = refused("Bearer owner", "private.wav", null, null);
        assertThat(p.status()).isEqualTo(503);
        assertThat(p.type()).isEqualTo("urn:soundbox:problem:file-visibility-unavailable");
        assertThat(p.headers()).containsKey("Retry-After");
        assertThat(refused("Bearer owner", "job-1.wav", null, null).status()).isEqualTo(503);
        // A signed download still works, only without the library's name for it.
        String[] q = expSig(signer.sign("/audio/", "private.wav").url());
        assertThat(access.authorize("private.wav", null, q[0], q[1], true).info()).isNull();
    }

    @Test
    void mintingFollowsTheSameRule() {
        assertThat(access.mayRead(OWNER, "private.wav")).isTrue();
        assertThat(access.mayRead(ADMIN, "private.png")).isTrue();
        assertThat(access.mayRead(OTHER, "private.wav")).isFalse();
        assertThat(access.mayRead(OTHER, "public.wav")).isTrue();
        assertThat(access.mayRead(OWNER, "job-1.wav")).isTrue();
        assertThat(access.mayRead(ADMIN, "nothing.wav")).isFalse();
    }
}
