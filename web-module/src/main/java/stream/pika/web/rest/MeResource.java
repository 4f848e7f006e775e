package stream.pika.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import stream.pika.crate.boundary.MatchVerification;
import stream.pika.crate.entity.Activity;
import stream.pika.identity.boundary.OrganizerApplications;
import stream.pika.identity.boundary.SpotifyAccess;
import stream.pika.identity.boundary.SpotifyLinks;
import stream.pika.identity.entity.ApplicationView;
import stream.pika.identity.entity.OrganizerDetails;
import stream.pika.identity.entity.Roles;
import stream.pika.identity.entity.SpotifyLinkView;

/** The signed-in user's own requests: {@code /api/me/…}. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PikaClientRequired
public class MeResource {

    @Inject
    OrganizerApplications applications;

    @Inject
    SpotifyLinks spotifyLinks;

    public record SpotifyAnswer(boolean success, SpotifyLinkView spotify) {
    }

    @Inject
    SpotifyAccess spotifyAccess;

    @Context
    SecurityContext security;

    /** Asks Spotify whether the caller's link still works; answers the link as it is then ({@code broken}: reconnect). */
    @POST
    @Path("spotify/check")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.SIGNED_IN)
    public SpotifyAnswer checkSpotify() {
        return new SpotifyAnswer(true, spotifyAccess.check(Long.parseLong(security.getUserPrincipal().getName())));
    }

    /** The caller's Spotify link ({@code status: broken} means "reconnect Spotify"); never a token. */
    @GET
    @Path("spotify")
    @RolesAllowed(Roles.SIGNED_IN)
    public SpotifyAnswer spotify() {
        return new SpotifyAnswer(true, spotifyLinks.mine().orElse(null));
    }

    public record ActivityAnswer(boolean success, Activity activity) {
    }

    @Inject
    MatchVerification verification;

    /** The caller's points and badges (Smart Crate verifications), with the latest actions. */
    @GET
    @Path("activity")
    @RolesAllowed(Roles.SIGNED_IN)
    public ActivityAnswer activity() {
        return new ActivityAnswer(true, verification.mine());
    }

    /** A signed-in user (a DJ, a rejected applicant after the wait) applies to organize events. */
    @POST
    @Path("organizer-application")
    @RolesAllowed(Roles.SIGNED_IN)
    public Response applyToOrganize(@NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid OrganizerDetails details) {
        ApplicationView application = applications.apply(details);
        return Response.status(Response.Status.CREATED)
                .entity(new AuthResponses.Applied(true, application.status(), application))
                .build();
    }
}
