package io.soundbox.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.gateway.domain.Tier;
import org.junit.jupiter.api.Test;

class ValnetUsersTest {
    private final ObjectMapper json = new ObjectMapper();
    private final ValnetUsers users = new ValnetUsers("admin", "tier");

    private Caller read(String document) throws Exception {
        return users.caller(json.readTree(document));
    }

    @Test
    void readsTheArchitectureShape() throws Exception {
        assertThat(read("{\"user_id\":\"u-1\",\"tier\":\"premium\",\"permissions\":[\"generate\"]}"))
                .isEqualTo(new Caller("u-1", Tier.PREMIUM, false));
        assertThat(read("{\"user_id\":\"u-2\",\"tier\":\"free\",\"permissions\":[\"generate\",\"admin\"]}"))
                .isEqualTo(new Caller("u-2", Tier.ADMIN, true));
    }

    @Test
    void readsTheOriginalAccountsUser() throws Exception {
        assertThat(read("{\"id\":42,\"username\":\"ann\",\"subscription_tier\":\"ai-graphling\"}"))
                .isEqualTo(new Caller("42", Tier.CREATOR, false));
        assertThat(read("{\"user\":{\"id\":\"7\",\"tier\":\"pro\"}}")).isEqualTo(new Caller("7", Tier.PREMIUM, false));
        assertThat(read("{\"id\":\"8\",\"subscription\":\"plus\"}").tier()).isEqualTo(Tier.SUPPORTER);
        assertThat(read("{\"id\":\"9\",\"plan\":\"basic\"}").tier()).isEqualTo(Tier.SUPPORTER);
        assertThat(read("{\"id\":\"10\",\"subscription\":{\"status\":\"trialing\",\"tier\":\"creator\"}}").tier())
                .isEqualTo(Tier.CREATOR);
        assertThat(read("{\"id\":\"11\",\"is_admin\":true}")).isEqualTo(new Caller("11", Tier.ADMIN, true));
    }

    @Test
    void adultAndEmailVerificationFlags() throws Exception {
        Caller child = read("{\"user_id\":\"c1\",\"tier\":\"free\",\"email_verified\":false}");
        assertThat(child.adult()).isFalse();
        assertThat(child.emailVerified()).isFalse();
        Caller adult = read("{\"user_id\":\"a1\",\"is_adult\":true,\"email_verified\":true}");
        assertThat(adult.adult()).isTrue();
        assertThat(adult.emailVerified()).isTrue();
        assertThat(read("{\"user_id\":\"a2\",\"account_type\":\"adult\"}").adult()).isTrue();
        assertThat(read("{\"user_id\":\"a3\"}").emailVerified()).isTrue();
        assertThat(read("{\"user_id\":\"boss\",\"is_admin\":true}").adult()).isTrue();
    }

    @Test
    void lapsedOrUnknownSubscriptionsAreFree() throws Exception {
        assertThat(read("{\"id\":\"1\",\"subscription\":{\"status\":\"canceled\",\"tier\":\"creator\"}}").tier())
                .isEqualTo(Tier.FREE);
        assertThat(read("{\"id\":\"1\",\"tier\":\"platinum\"}").tier()).isEqualTo(Tier.FREE);
        assertThat(read("{\"id\":\"1\"}").tier()).isEqualTo(Tier.FREE);
    }

    @Test
    void aDocumentWithoutAUserIsRefused() {
        assertThatThrownBy(() -> read("{\"tier\":\"creator\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("[1,2]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> read("{\"id\":\"  \"}")).isInstanceOf(IllegalArgumentException.class);
    }
}
