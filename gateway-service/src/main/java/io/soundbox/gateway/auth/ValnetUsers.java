package io.soundbox.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.soundbox.gateway.domain.Tier;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a Valnet user (the introspection answer, or a verified JWT's claims) as a {@link Caller}.
 * Accepts the architecture document's shape {@code {user_id, tier, permissions}} and the original
 * accounts service's user JSON (docs/architecture.md "Tiers"): {@code id},
 * {@code is_admin}, {@code subscription_tier}/{@code tier} with its aliases, else
 * {@code subscription}/{@code plan} as a string or as an object whose status is active or trialing;
 * optionally wrapped in {@code {"user": {...}}}. A user with no recognisable subscription is free.
 */
public final class ValnetUsers {
    private static final String[] ID_FIELDS = {"user_id", "sub", "id", "uid"};
    private static final String[] ROLE_LISTS = {"permissions", "groups", "roles"};

    private final String adminRole;
    private final String tierClaim;

    /**
     * @param adminRole the permission/group/role naming an admin
     * @param tierClaim the member holding the tier (besides {@code subscription_tier} and {@code tier})
     */
    public ValnetUsers(String adminRole, String tierClaim) {
        this.adminRole = adminRole;
        this.tierClaim = tierClaim;
    }

    /** @throws IllegalArgumentException when the document names no user */
    public Caller caller(JsonNode document) {
        JsonNode user = document;
        if (user != null && user.path("user").isObject()) {
            user = user.get("user");
        }
        if (user == null || !user.isObject()) {
            throw new IllegalArgumentException("the user document is not a JSON object");
        }
        String id = userId(user).orElseThrow(() -> new IllegalArgumentException("the user document names no user id"));
        boolean admin = isAdmin(user);
        Tier tier = admin ? Tier.ADMIN : tier(user).orElse(Tier.FREE);
        boolean isAdmin = admin || tier == Tier.ADMIN;
        // Only an explicit false counts: documents without the member are treated as verified.
        boolean verified = !user.path("email_verified").isBoolean() || user.path("email_verified").asBoolean();
        return new Caller(id, tier, isAdmin, isAdmin || isAdult(user), verified);
    }

    /** {@code is_adult}/{@code adult} true, or {@code account_type} "adult"; a child or unknown age is not adult. */
    private static boolean isAdult(JsonNode user) {
        if (user.path("is_adult").asBoolean(false) || user.path("adult").asBoolean(false)) {
            return true;
        }
        return "adult".equalsIgnoreCase(user.path("account_type").asText(""));
    }

    private static Optional<String> userId(JsonNode user) {
        for (String f : ID_FIELDS) {
            JsonNode n = user.get(f);
            if (n != null && (n.isTextual() || n.isIntegralNumber()) && !n.asText().isBlank()) {
                return Optional.of(n.asText().strip());
            }
        }
        return Optional.empty();
    }

    private boolean isAdmin(JsonNode user) {
        if (user.path("is_admin").asBoolean(false) || user.path("admin").asBoolean(false)) {
            return true;
        }
        if (adminRole.equalsIgnoreCase(user.path("role").asText(""))) {
            return true;
        }
        for (String list : ROLE_LISTS) {
            JsonNode roles = user.get(list);
            if (roles != null && roles.isArray()) {
                for (JsonNode r : roles) {
                    if (r.isTextual() && adminRole.equalsIgnoreCase(r.textValue().strip())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private Optional<Tier> tier(JsonNode user) {
        for (String f : new String[] {tierClaim, "subscription_tier", "tier"}) {
            Optional<Tier> t = tierName(user.path(f).asText(null));
            if (t.isPresent()) {
                return t;
            }
        }
        for (String f : new String[] {"subscription", "plan"}) {
            JsonNode s = user.get(f);
            if (s == null) {
                continue;
            }
            if (s.isTextual()) {
                Optional<Tier> t = tierName(s.textValue());
                if (t.isPresent()) {
                    return t;
                }
            } else if (s.isObject() && isLive(s)) {
                for (String name : new String[] {"tier", "plan", "name", "id"}) {
                    Optional<Tier> t = tierName(s.path(name).asText(null));
                    if (t.isPresent()) {
                        return t;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A subscription object counts while it is paid or on trial; a missing status counts as live. */
    private static boolean isLive(JsonNode subscription) {
        JsonNode status = subscription.get("status");
        if (status == null || status.isNull()) {
            return true;
        }
        String s = status.asText("").toLowerCase(Locale.ROOT);
        return s.equals("active") || s.equals("trialing");
    }

    /** Valnet's and the original's tier names, aliases included. */
    static Optional<Tier> tierName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "admin" -> Optional.of(Tier.ADMIN);
            case "creator", "ai-graphling" -> Optional.of(Tier.CREATOR);
            case "premium", "pro" -> Optional.of(Tier.PREMIUM);
            case "supporter", "plus", "basic" -> Optional.of(Tier.SUPPORTER);
            case "free" -> Optional.of(Tier.FREE);
            default -> Optional.empty();
        };
    }
}
