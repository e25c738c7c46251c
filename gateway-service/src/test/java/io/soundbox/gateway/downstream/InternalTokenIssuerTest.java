package io.soundbox.gateway.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.soundbox.gateway.auth.Caller;
import io.soundbox.gateway.domain.Tier;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class InternalTokenIssuerTest {
    private static final KeyPair KEYS = generate();

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final InternalTokenIssuer issuer = new InternalTokenIssuer(KEYS.getPrivate(), Clock.systemUTC(),
            Duration.ofSeconds(60), Duration.ofSeconds(20), 100);

    private static DefaultJWTParser parser(String audience) {
        JWTAuthContextInfo info = new JWTAuthContextInfo(KEYS.getPublic(), InternalTokenIssuer.ISSUER);
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setExpectedAudience(Set.of(audience));
        return new DefaultJWTParser(info);
    }

    @Test
    void tokensCarryTheContractsClaims() throws Exception {
        JsonWebToken jwt = parser(InternalTokenIssuer.AUDIENCE).parse(issuer.tokenFor(new Caller("u-1", Tier.SUPPORTER)));
        assertThat(jwt.getIssuer()).isEqualTo("soundbox-gateway");
        assertThat(jwt.getAudience()).containsExactly("soundbox-internal");
        assertThat(jwt.getSubject()).isEqualTo("u-1");
        assertThat(jwt.getClaim("tier").toString()).isEqualTo("supporter");
        assertThat(jwt.getGroups()).containsExactly("supporter");
        assertThat(jwt.getExpirationTime() - jwt.getIssuedAtTime()).isEqualTo(60);
        assertThat((String) jwt.getClaim("jti")).isNotBlank();
    }

    @Test
    void theServiceTokenNamesTheGatewayAndOnlyTheServiceGroup() throws Exception {
        String token = issuer.serviceToken();
        JsonWebToken jwt = parser(InternalTokenIssuer.AUDIENCE).parse(token);
        assertThat(jwt.getSubject()).isEqualTo("soundbox-gateway");
        assertThat(jwt.getName()).isEqualTo("soundbox-gateway");
        assertThat(jwt.getGroups()).containsExactly("service");
        assertThat(jwt.containsClaim("tier")).isFalse();
        assertThat(jwt.getExpirationTime() - jwt.getIssuedAtTime()).isEqualTo(60);
        assertThat(issuer.serviceToken()).as("reused while fresh").isSameAs(token);
    }

    @Test
    void adminsGetTheAdminGroupBesideTheirTier() throws Exception {
        JsonWebToken jwt = parser(InternalTokenIssuer.AUDIENCE).parse(
                issuer.tokenFor(new Caller("boss", Tier.CREATOR, true)));
        assertThat(jwt.getGroups()).containsExactlyInAnyOrder("creator", "admin");
    }

    @Test
    void anonymousGetsNoTokenAndACallersTokenIsReusedBriefly() {
        assertThat(issuer.tokenFor(null)).isNull();
        Caller c = new Caller("u-2", Tier.FREE);
        assertThat(issuer.tokenFor(c)).isSameAs(issuer.tokenFor(c));
        assertThat(issuer.tokenFor(new Caller("u-3", Tier.FREE))).isNotEqualTo(issuer.tokenFor(c));
    }

    @Test
    void anotherAudienceRejectsTheToken() {
        String token = issuer.tokenFor(new Caller("u-4", Tier.FREE));
        assertThatThrownBy(() -> parser("someone-else").parse(token)).isInstanceOf(ParseException.class);
    }

    @Test
    void reuseMustBeShorterThanTheLifetime() {
        assertThatThrownBy(() -> new InternalTokenIssuer(KEYS.getPrivate(), Clock.systemUTC(), Duration.ofSeconds(60),
                Duration.ofSeconds(60), 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
