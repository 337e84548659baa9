package app.stamina.edge.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads every {@code Authorization} header as Spring Security's own resolver does: the same token or refusal. */
class BearerHeaderTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl";

    @ParameterizedTest
    @ValueSource(strings = {
        "Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT, "Bearer abc==", "Bearer a-b.c_d~e+f/g", "Bearer =",
        "Bearer ", "Bearer", "Bearer  " + JWT, "Bearer " + JWT + " ", "Bearer " + JWT + "\n", "Bearer a=b",
        "Bearer a b", "Bearer a,b", "Bearer é", "Bearerabc", "Basic YWRtaW46YWRtaW4=", "Token abc", "", " Bearer abc",
        "Bear abc"})
    void answersAsSpringSecuritysResolver(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/athletes/ada/progress");
        request.addHeader("Authorization", header);

        assertThat(outcome(new BearerHeader(), request)).as(header)
                .isEqualTo(outcome(new DefaultBearerTokenResolver(), request));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer " + JWT, "bearer abc=="})
    void takesTheTokenAfterTheScheme(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.addHeader("Authorization", header);

        assertThat(new BearerHeader().resolve(request)).isEqualTo(header.substring("Bearer ".length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void withoutAHeaderThereIsNoToken(String method) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/");
        request.setParameter("access_token", JWT);

        assertThat(new BearerHeader().resolve(request)).isNull();
    }

    private static String outcome(BearerTokenResolver resolver, MockHttpServletRequest request) {
        try {
            return "token " + resolver.resolve(request);
        } catch (OAuth2AuthenticationException refused) {
            return "refused: " + refused.getError().getErrorCode() + " " + refused.getError().getDescription();
        }
    }
}
