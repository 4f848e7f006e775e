package stream.pika.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import stream.pika.live.boundary.LiveSessions;
import stream.pika.live.boundary.SessionHistory;
import stream.pika.live.entity.LiveMessages;
import stream.pika.live.entity.SessionViews;
import stream.pika.platform.boundary.PikaException;

import java.util.List;

/**
 * Sessions over REST (contract section 2): live ones, recent ones, a set's history and recap.
 * Mounted at {@code /api/sessions}, at {@code /api/session} (the clients' alias) and, through
 * {@link LegacySessionsPath}, at {@code /sessions}.
 */
@Path("sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    static final String SESSION_ID = ".{8,64}";
    static final String BAD_SESSION_ID = "Invalid session id";

    @Inject
    LiveSessions live;

    @Inject
    SessionHistory history;

    @GET
    public List<LiveMessages.SessionSummary> liveSessions() {
        return live.summaries();
    }

    @GET
    @Path("active")
    public JsonObject active() {
        return SessionJson.active(live.active());
    }

    @GET
    @Path("recent")
    public List<SessionViews.RecentSession> recent() {
        return history.recent();
    }

    @GET
    @Path("{sessionId}/history")
    public List<SessionViews.PlayedEntry> history(
            @PathParam("sessionId") @Pattern(regexp = SESSION_ID, message = BAD_SESSION_ID) String sessionId) {
        return history.history(sessionId);
    }

    @GET
    @Path("{sessionId}/recap")
    public JsonObject recap(
            @PathParam("sessionId") @Pattern(regexp = SESSION_ID, message = BAD_SESSION_ID) String sessionId) {
        return SessionJson.recap(history.recap(sessionId).orElseThrow(() -> PikaException.notFound("Session not found")));
    }

    /** The same routes at {@code /api/session}, the path the web and desktop apps use. */
    @Path("session")
    @RequestScoped
    @Produces(MediaType.APPLICATION_JSON)
    public static class Alias extends SessionsResource {
    }
}
