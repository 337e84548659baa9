package app.stamina.edge.security;

import app.stamina.api.ErrorCode;
import app.stamina.edge.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** 401 and 403 as problem details with a {@code code}, keeping the {@code WWW-Authenticate} header of RFC 6750. */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearer.commence(request, response, e);
        Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHORIZED,
                "a valid bearer token is needed"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN,
                "this token does not give access to " + request.getRequestURI()));
    }
}
