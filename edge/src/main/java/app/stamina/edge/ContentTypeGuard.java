package app.stamina.edge;

import app.stamina.api.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * Refuses a write whose {@code Content-Type} names no concrete type ({@code *}{@code /*}, {@code application/*}) or cannot
 * be read at all, with 415, before Spring MVC (which would fail on it with a 500) looks at the body. Found by
 * {@code AdversarialInputTest}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ContentTypeGuard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean withBody = Set.of("POST", "PUT", "PATCH").contains(request.getMethod());
        if (withBody && contentType != null && !concrete(contentType)) {
            Problems.write(response, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type '" + contentType + "' names no concrete media type; send application/json"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean concrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
