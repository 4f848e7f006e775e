package stream.pika.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import stream.pika.crate.boundary.MatchingRuns;
import stream.pika.crate.entity.MatchingRun;
import stream.pika.identity.entity.Roles;

/** The platform's jobs as an admin starts and follows them: {@code /api/admin/jobs/track-matching}. */
@Path("admin/jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@PikaClientRequired
@RolesAllowed(Roles.ADMIN)
public class JobsAdminResource {

    public record RunAnswer(boolean success, MatchingRun run) {
    }

    @Inject
    MatchingRuns runs;

    /**
     * Starts a run of the track-matching job: 202 with the run, followed at its {@code Location};
     * {@code ?spotify=false}: the catalog alone decides (no Spotify search).
     */
    @POST
    @Path("track-matching")
    @Consumes(MediaType.WILDCARD)
    public Response startTrackMatching(@QueryParam("spotify") @DefaultValue("true")
                                       @Pattern(regexp = "true|false", message = "spotify must be true or false") String spotify) {
        MatchingRun run = runs.start(Boolean.parseBoolean(spotify));
        return Response.accepted(new RunAnswer(true, run)).header("Location", "/api/admin/jobs/track-matching/" + run.executionId()).build();
    }

    /** Restarts a failed run from its last checkpoint: 202 with the new run. */
    @POST
    @Path("track-matching/{id}/restart")
    @Consumes(MediaType.WILDCARD)
    public Response restartTrackMatching(@PathParam("id") @Pattern(regexp = AdminResource.ID_SHAPE, message = AdminResource.BAD_ID) String id) {
        MatchingRun run = runs.restart(Long.parseLong(id));
        return Response.accepted(new RunAnswer(true, run)).header("Location", "/api/admin/jobs/track-matching/" + run.executionId()).build();
    }

    @GET
    @Path("track-matching/{id}")
    public RunAnswer trackMatching(@PathParam("id") @Pattern(regexp = AdminResource.ID_SHAPE, message = AdminResource.BAD_ID) String id) {
        return new RunAnswer(true, runs.run(Long.parseLong(id)));
    }
}
