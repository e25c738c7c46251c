package io.soundbox.gateway.auth;

/** How the gateway learns who calls it. Valnet modes (JWT, introspection) come later. */
public enum AuthMode {
    /** Tokens signed with the gateway's own RSA key under {@code ${soundbox.data-dir}/keys}. */
    LOCAL
}
