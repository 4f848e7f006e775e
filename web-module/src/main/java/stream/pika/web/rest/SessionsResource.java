package stream.pika.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import stream.pika.identity.boundary.DjAccounts;
import stream.pika.identity.entity.Roles;
import stream.pika.interactions.boundary.InteractionHistory;
import stream.pika.live.boundary.LiveSessions;
import stream.pika.live.boundary.SessionHistory;
import stream.pika.live.entity.LiveMessages;
import stream.pika.live.entity.SessionViews;
import stream.pika.live.entity.TrackInfo;
import stream.pika.platform.entity.PikaException;

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

    @Inject
    InteractionHistory interactions;

    @Inject
    DjAccounts accounts;

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
        SessionViews.Recap recap = history.recap(sessionId).orElseThrow(() -> PikaException.notFound("Session not found"));
        return SessionJson.recap(recap, interactions.pollsForItsDj(recap).orElse(null));
    }

    /** The desktop's analysis of the set's tracks; only the set's own DJ may write it. */
    @POST
    @Path("{sessionId}/sync-fingerprints")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DJ)
    public SessionViews.FingerprintSync syncFingerprints(
            @PathParam("sessionId") @Pattern(regexp = SESSION_ID, message = BAD_SESSION_ID) String sessionId,
            @NotNull(message = FingerprintBatch.REQUIRED) @Valid FingerprintBatch batch) {
        return history.syncFingerprints(sessionId, accounts.currentDj().id(), batch.tracks());
    }

    /** {@code {"tracks":[TrackInfo...]}}: the desktop sends chunks of at most 500. */
    public record FingerprintBatch(
            @NotNull(message = REQUIRED) @Size(min = 1, max = 500, message = "Invalid request: 1 to 500 tracks per request")
            List<@NotNull @Valid TrackInfo> tracks) {
        static final String REQUIRED = "Invalid request: tracks array required";
    }

    /** The same routes at {@code /api/session}, the path the web and desktop apps use. */
    @Path("session")
    @RequestScoped
    @Produces(MediaType.APPLICATION_JSON)
    public static class Alias extends SessionsResource {
    }
}
