package stream.pika.web.rest;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import stream.pika.identity.entity.DjAccountMessages;
import stream.pika.platform.entity.PikaException;
import stream.pika.web.security.SignInMechanism;

import java.util.Arrays;

/**
 * Enforces {@link RolesAllowed} on resource methods with the caller that the authentication
 * mechanism established: no caller is 401 (saying why), a caller without the role is 403.
 */
@Provider
@Priority(Priorities.AUTHORIZATION - 10)
public class RolesFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        RolesAllowed allowed = rolesOf(resource);
        if (allowed == null) {
            return;
        }
        SecurityContext security = request.getSecurityContext();
        if (security.getUserPrincipal() == null) {
            Object failure = servletRequest.getAttribute(SignInMechanism.FAILURE);
            throw PikaException.unauthenticated(failure instanceof String reason ? reason : DjAccountMessages.TOKEN_REQUIRED);
        }
        if (Arrays.stream(allowed.value()).noneMatch(security::isUserInRole)) {
            throw PikaException.forbidden(ErrorResponses.NOT_ALLOWED);
        }
    }

    private static RolesAllowed rolesOf(ResourceInfo resource) {
        if (resource.getResourceMethod() == null) {
            return null;
        }
        RolesAllowed onMethod = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
}
