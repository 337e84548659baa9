package app.stamina.edge.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The token of an {@code Authorization: Bearer} header (RFC 6750, 2.1), read as Spring Security's
 * {@code DefaultBearerTokenResolver} reads it, with the same answers, but without its regular expression: matching
 * that on every request was 4 % of a {@code GET /progress}. Tokens in query strings and form bodies are not taken,
 * as by default.
 */
final class BearerHeader implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        // As Spring's: a header starting with "bearer" in any case is for this scheme, and malformed unless it is
        // "Bearer " and a token68.
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length() - 1)) {
            return null;
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || !isToken68(header, SCHEME.length())) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return header.substring(SCHEME.length());
    }

    /** One or more of {@code A-Z a-z 0-9 - . _ ~ + /}, then any number of {@code =}, up to the end. */
    private static boolean isToken68(String header, int from) {
        int end = header.length();
        while (end > from && header.charAt(end - 1) == '=') {
            end--;
        }
        if (end == from) {
            return false;
        }
        for (int i = from; i < end; i++) {
            char c = header.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
