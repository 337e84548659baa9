package app.stamina.edge.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall with code-point checks lets through and refuses exactly what Spring Security's default does. */
class HeaderCharactersTest {

    private final HttpFirewall spring = new StrictHttpFirewall();
    private final HttpFirewall ours = HeaderCharacters.firewall();

    @Test
    void refusesInHeaderValuesWhatSpringSecurityRefuses() {
        List<String> different = new ArrayList<>();
        for (String text : samples()) {
            if (!headerValue(spring, text).equals(headerValue(ours, text))) {
                different.add(describe(text));
            }
        }
        assertThat(different).isEmpty();
    }

    @Test
    void refusesInHeaderAndParameterNamesWhatSpringSecurityRefuses() {
        List<String> different = new ArrayList<>();
        for (String text : samples()) {
            if (!headerName(spring, text).equals(headerName(ours, text))
                    || !parameterName(spring, text).equals(parameterName(ours, text))) {
                different.add(describe(text));
            }
        }
        assertThat(different).isEmpty();
    }

    @Test
    void refusesAControlCharacterAndLetsTabThroughOnlyInValues() {
        assertThat(headerValue(ours, "a\u0000b")).isEqualTo("refused");
        assertThat(headerValue(ours, "a\tb")).isEqualTo("a\tb");
        assertThat(headerName(ours, "X-A\tB")).isEqualTo("refused");
        assertThat(headerValue(ours, "Bearer abc.def")).isEqualTo("Bearer abc.def");
    }

    /** Every code point of the Basic Multilingual Plane, a spread of the others, and a few whole headers. */
    private static List<String> samples() {
        List<String> samples = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint += codePoint < 0x10000 ? 1 : 31) {
            samples.add("X" + Character.toString(codePoint) + "y");
        }
        samples.add("\uD800");
        samples.add("a\uDC00b");
        samples.add("");
        samples.add("application/json; charset=utf-8");
        samples.add("Mozilla/5.0 (X11; Linux x86_64) \u00e9\u4e2d\uD83D\uDE00");
        return samples;
    }

    private static String headerValue(HttpFirewall firewall, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/athletes/ada/progress");
        request.addHeader("X-Test", value);
        return outcome(() -> firewall.getFirewalledRequest(request).getHeader("X-Test"));
    }

    private static String headerName(HttpFirewall firewall, String name) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/athletes/ada/progress");
        request.addHeader(name, "v");
        return outcome(() -> String.join(",", Collections.list(
                firewall.getFirewalledRequest(request).getHeaderNames())));
    }

    private static String parameterName(HttpFirewall firewall, String name) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/athletes/ada/progress");
        request.addParameter(name, "v");
        return outcome(() -> String.join(",", firewall.getFirewalledRequest(request).getParameterMap().keySet()));
    }

    private static String outcome(Supplier<String> read) {
        try {
            return String.valueOf(read.get());
        } catch (RequestRejectedException refused) {
            return "refused";
        }
    }

    private static String describe(String text) {
        return text.codePoints().mapToObj(Integer::toHexString).toList().toString();
    }
}
