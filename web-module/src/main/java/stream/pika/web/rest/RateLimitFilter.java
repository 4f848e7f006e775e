package stream.pika.web.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import stream.pika.platform.boundary.RateLimits;
import stream.pika.platform.entity.RateLimitDecision;
import stream.pika.web.security.ClientAddress;

/**
 * Enforces {@link RateLimited} per client IP before the resource runs, and reports the quota
 * in {@code RateLimit-*} headers (IETF draft 6, as the original) on the way out.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    RateLimits rateLimits;

    @Inject
    ClientAddress clientAddress;

    @Override
    public void filter(ContainerRequestContext request) {
        RateLimited limited = resource.getResourceMethod() == null
                ? null : resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (limited != null) {
            // Throws RateLimitExceeded, which the error mapper turns into 429 with Retry-After.
            request.setProperty(DECISION, rateLimits.enforce(limited.value(), clientAddress.of(servletRequest)));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimitDecision decision) {
            RateLimitHeaders.of(decision).forEach(response.getHeaders()::putSingle);
        }
    }
}
