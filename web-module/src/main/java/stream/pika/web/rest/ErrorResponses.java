package stream.pika.web.rest;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import stream.pika.platform.entity.PikaException;
import stream.pika.platform.entity.RateLimitExceeded;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The one translation of failures into REST answers: a status and {@code {"error": "..."}}.
 * Nothing internal (stack traces, SQL) reaches the client; unexpected failures are logged with
 * an incident id that the answer repeats.
 */
@ApplicationScoped
public class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());
    static final String NOT_ALLOWED = "Not allowed for this account";

    public Response of(Throwable failure) {
        Throwable error = unwrap(failure);
        if (error instanceof RateLimitExceeded limited) {
            Response.ResponseBuilder answer = answer(Response.Status.TOO_MANY_REQUESTS, limited.getMessage());
            RateLimitHeaders.of(limited.decision()).forEach(answer::header);
            return answer.build();
        }
        if (error instanceof PikaException refused) {
            Response.ResponseBuilder answer = answer(statusOf(refused.kind()), refused.getMessage());
            if (refused.kind() == PikaException.Kind.UNAUTHENTICATED) {
                answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            }
            return answer.build();
        }
        if (error instanceof EJBAccessException) {
            // A boundary's @RolesAllowed refused the caller.
            return answer(Response.Status.FORBIDDEN, NOT_ALLOWED).build();
        }
        if (error instanceof ConstraintViolationException invalid) {
            return answer(Response.Status.BAD_REQUEST, messages(invalid)).build();
        }
        if (error instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 400 && hasCause(web, NoContentException.class)) {
                return answer(Response.Status.BAD_REQUEST, JsonBodyReading.BODY_REQUIRED).build();
            }
            if (status < 500) {
                return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(new ErrorBody(clientErrorText(status))).build();
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, failure);
        return answer(Response.Status.INTERNAL_SERVER_ERROR, "Internal server error (incident " + incident + ")").build();
    }

    private static Response.ResponseBuilder answer(Response.StatusType status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(message));
    }

    private static Response.Status statusOf(PikaException.Kind kind) {
        return switch (kind) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case UNAUTHENTICATED -> Response.Status.UNAUTHORIZED;
            case FORBIDDEN -> Response.Status.FORBIDDEN;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
            case PRECONDITION_REQUIRED -> Response.Status.PRECONDITION_REQUIRED;
            case RATE_LIMITED -> Response.Status.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> Response.Status.SERVICE_UNAVAILABLE;
        };
    }

    /** All distinct messages, sorted so the answer is the same every time. */
    private static String messages(ConstraintViolationException invalid) {
        return invalid.getConstraintViolations().stream()
                .map(ConstraintViolation::getMessage)
                .distinct()
                .sorted()
                .collect(Collectors.joining("; "));
    }

    /** The one text per status of the answers the API and the container make without a message of their own. */
    static String clientErrorText(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Authentication required";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable: this route answers application/json";
            case 413 -> "Request body too large";
            case 414 -> "Request URI too long";
            case 415 -> "Unsupported media type: send application/json";
            case 501 -> "Not implemented";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal server error" : "Request refused (HTTP " + status + ")";
        };
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof EJBException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
