package io.soundbox.gateway.auth;

/** How the gateway learns who calls it ({@code soundbox.auth.mode}). */
public enum AuthMode {
    /** Tokens signed with the gateway's own RSA key under {@code ${soundbox.data-dir}/keys}. */
    LOCAL,
    /** Valnet-issued JWTs, verified offline against Valnet's JSON Web Key Set. */
    JWT,
    /** Opaque Valnet tokens, checked by asking Valnet's user endpoint (answers cached briefly). */
    INTROSPECT
}
