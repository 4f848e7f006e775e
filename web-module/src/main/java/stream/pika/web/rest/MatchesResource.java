package stream.pika.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import stream.pika.crate.boundary.MatchVerification;
import stream.pika.crate.entity.ChosenTrack;
import stream.pika.identity.entity.Roles;


/**
 * A DJ verifies the matches of their sets: {@code /api/matches/{id}/confirm|reject|choose}.
 */
@Path("matches")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PikaClientRequired
public class MatchesResource {

    @Inject
    MatchVerification verification;

    @POST
    @Path("{id}/confirm")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.DJ)
    public PushResource.Done confirm(@PathParam("id") @Pattern(regexp = AdminResource.ID_SHAPE, message = AdminResource.BAD_ID) String id) {
        verification.confirm(Long.parseLong(id));
        return new PushResource.Done(true);
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.DJ)
    public PushResource.Done reject(@PathParam("id") @Pattern(regexp = AdminResource.ID_SHAPE, message = AdminResource.BAD_ID) String id) {
        verification.reject(Long.parseLong(id));
        return new PushResource.Done(true);
    }

    /** {@code {"globalTrackId": 42}}: the play is that record. */
    @POST
    @Path("{id}/choose")
    @RolesAllowed(Roles.DJ)
    public PushResource.Done choose(@PathParam("id") @Pattern(regexp = AdminResource.ID_SHAPE, message = AdminResource.BAD_ID) String id,
                                    @NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid ChosenTrack chosen) {
        verification.choose(Long.parseLong(id), chosen);
        return new PushResource.Done(true);
    }
}
