package stream.pika.web.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import stream.pika.platform.entity.PikaException;

import java.util.Set;

/** Enforces {@link PikaClientRequired} (the original's CSRF guard on {@code /api/auth/*}). */
@Provider
@Priority(Priorities.AUTHENTICATION - 200)
public class ClientHeaderFilter implements ContainerRequestFilter {

    static final String HEADER = "X-Pika-Client";
    private static final Set<String> KNOWN_CLIENTS = Set.of("pika-web", "pika-desktop", "pika-e2e");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod()) || !required()) {
            return;
        }
        String client = request.getHeaderString(HEADER);
        if (client == null || !KNOWN_CLIENTS.contains(client)) {
            throw PikaException.forbidden("Invalid client");
        }
    }

    private boolean required() {
        return resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(PikaClientRequired.class)
                || resource.getResourceClass().isAnnotationPresent(PikaClientRequired.class));
    }
}
