package stream.pika.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import stream.pika.crate.boundary.MatchVerification;
import stream.pika.crate.entity.PlayWithMatch;
import stream.pika.identity.entity.Roles;

import java.util.List;

/** {@code GET /api/sessions/{id}/tracks-with-matches}: a set's plays with Smart Crate's matches, for its own DJ. */
@Path("sessions/{id}/tracks-with-matches")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@PikaClientRequired
public class SetMatchesResource {

    public record TracksAnswer(boolean success, String sessionId, List<PlayWithMatch> tracks) {
    }

    @Inject
    MatchVerification verification;

    @GET
    @RolesAllowed(Roles.DJ)
    public TracksAnswer tracks(@PathParam("id") @Pattern(regexp = SessionsResource.SESSION_ID, message = SessionsResource.BAD_SESSION_ID) String id) {
        return new TracksAnswer(true, id, verification.tracksWithMatches(id));
    }
}
