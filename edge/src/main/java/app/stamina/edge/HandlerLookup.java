package app.stamina.edge;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.endpoint.web.servlet.WebMvcEndpointHandlerMapping;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * How a request finds its handler, with less work per request and the same outcome. Spring MVC tries every mapping
 * whose path has a variable ({@code /api/v1/athletes/{athleteId}/progress}) against each request, and checks a
 * mapping's methods, parameters, headers and media types before its path: for a {@code GET}, each {@code GET}
 * mapping of the process parsed the request's {@code Accept} against what it produces, and the actuator's
 * mappings, asked before the application's, did the same for every request: a sixth of what a
 * {@code GET /progress} allocated (BENCHMARKS.md, step 52). Here a mapping's method and path come first, and the
 * actuator's mappings after the application's.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookup {

    /** The annotated controllers' mapping, comparing each mapping's method and path before its other conditions. */
    @Bean
    WebMvcRegistrations methodAndPathFirstMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new MethodAndPathFirst();
            }
        };
    }

    /**
     * The actuator's endpoints asked after the application's mappings rather than before them: no application
     * path is under {@code /actuator}, so each request still reaches the same handler.
     */
    @Bean
    static BeanPostProcessor actuatorAfterApplication() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof WebMvcEndpointHandlerMapping endpoints) {
                    endpoints.setOrder(ACTUATOR_ORDER);
                }
                return bean;
            }
        };
    }

    /** Just after the annotated controllers' mapping (0), before the welcome page's (2) and static files'. */
    static final int ACTUATOR_ORDER = 1;

    /**
     * A mapping whose method or path does not match is passed over before its other conditions are evaluated. The
     * method comes first: a request method is compared without allocating anything, a path is not.
     */
    static final class MethodAndPathFirst extends RequestMappingHandlerMapping {

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            if (info.getMethodsCondition().getMatchingCondition(request) == null) {
                return null;
            }
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths != null && paths.getMatchingCondition(request) == null) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }
    }
}
