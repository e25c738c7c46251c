package io.soundbox.gateway.files;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.jboss.resteasy.reactive.PathPart;

/**
 * Builds the response for one stored file: validators (ETag, Last-Modified), conditional GET (304),
 * a single byte range (206/416), and the body as a {@link PathPart} that Vert.x streams with
 * sendFile, so the file is never read into memory.
 */
public final class FileResponses {
    private FileResponses() {
    }

    /** The request headers that matter for file serving. */
    public record Conditions(String range, String ifRange, String ifNoneMatch, String ifModifiedSince) {
    }

    public static Response serve(Path file, String contentType, Conditions c) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long size = attrs.size();
        Instant modified = attrs.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
        String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(attrs.lastModifiedTime().toMillis()) + "\"";
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atZone(ZoneOffset.UTC));

        if (notModified(c, etag, modified)) {
            return Response.notModified().header("ETag", etag).header("Last-Modified", lastModified)
                    .header("Accept-Ranges", "bytes").build();
        }
        ByteRange.Decision decision = rangeApplies(c.ifRange(), etag, modified)
                ? ByteRange.decide(c.range(), size) : new ByteRange.Whole();
        Response.ResponseBuilder b;
        if (decision instanceof ByteRange.Partial p) {
            ByteRange r = p.range();
            b = Response.status(206).header("Content-Range", r.contentRange(size))
                    .entity(new PathPart(file, r.first(), r.length()));
        } else if (decision instanceof ByteRange.Unsatisfiable) {
            return Response.status(416).header("Content-Range", "bytes */" + size).header("Accept-Ranges", "bytes")
                    .build();
        } else {
            b = Response.ok(new PathPart(file, 0, size));
        }
        return b.type(contentType).header("Accept-Ranges", "bytes").header("ETag", etag)
                .header("Last-Modified", lastModified).header("Cache-Control", "public, max-age=3600").build();
    }

    static boolean notModified(Conditions c, String etag, Instant modified) {
        if (c.ifNoneMatch() != null) {
            // RFC 9110: If-None-Match wins over If-Modified-Since; weak comparison.
            String strong = etag;
            for (String tag : c.ifNoneMatch().split(",")) {
                String t = tag.trim();
                if (t.equals("*") || t.equals(strong) || t.equals("W/" + strong)) {
                    return true;
                }
            }
            return false;
        }
        Instant since = httpDate(c.ifModifiedSince());
        return since != null && !modified.isAfter(since);
    }

    /** If-Range: honour the Range only if the client's copy is still current (strong comparison). */
    static boolean rangeApplies(String ifRange, String etag, Instant modified) {
        if (ifRange == null || ifRange.isBlank()) {
            return true;
        }
        String v = ifRange.trim();
        if (v.startsWith("\"")) {
            return v.equals(etag);
        }
        Instant date = httpDate(v);
        return date != null && date.equals(modified);
    }

    private static Instant httpDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
