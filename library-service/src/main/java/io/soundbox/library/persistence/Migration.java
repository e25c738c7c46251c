package io.soundbox.library.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned schema change: an SQL script named {@code V<version>__<description>.sql}.
 *
 * @param checksum SHA-256 of the script, recorded when applied so that an edited migration is noticed
 */
public record Migration(int version, String description, String script, String checksum) {
    private static final Pattern NAME = Pattern.compile("V([1-9][0-9]{0,8})__([A-Za-z0-9_]+)\\.sql");

    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1, got " + version);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(checksum, "checksum");
    }

    /** A migration from a file name such as {@code V1__generations.sql} and its script. */
    public static Migration of(String fileName, String script) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a migration file name (V<n>__<description>.sql): " + fileName);
        }
        return new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), script, sha256(script));
    }

    /** Reads a migration from the class path, e.g. {@code db/migration/V1__generations.sql}. */
    public static Migration fromClasspath(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Migration.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("migration not on the class path: " + resource);
            }
            String fileName = resource.substring(resource.lastIndexOf('/') + 1);
            return of(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + resource, e);
        }
    }

    /** The name the migration is reported by, e.g. {@code V1 (generations)}. */
    public String label() {
        return "V" + version + " (" + description + ")";
    }

    private static String sha256(String script) {
        try {
            // Line endings are normalised so a checkout with CRLF does not look like an edited migration.
            byte[] bytes = script.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
