package io.soundbox.gateway.auth;

import io.smallrye.jwt.auth.principal.ParseException;

/** Words for a client about why smallrye-jwt rejected a token; jose4j's detail stays in the log. */
final class TokenProblems {
    private TokenProblems() {
    }

    static String describe(ParseException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            String msg = String.valueOf(t.getMessage());
            if (msg.contains("expired") || msg.contains("is on or after the Expiration Time")) {
                return "the token has expired";
            }
            if (msg.contains("Issuer (iss) claim")) {
                return "the token was issued by someone else";
            }
            if (msg.contains("Audience (aud) claim")) {
                return "the token is meant for another audience";
            }
            if (name.contains("InvalidJwtSignature") || msg.contains("signature")) {
                return "the token's signature is not valid";
            }
        }
        return "the token is not valid";
    }
}
