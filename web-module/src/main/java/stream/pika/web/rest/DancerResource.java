package stream.pika.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import stream.pika.identity.entity.Roles;
import stream.pika.interactions.boundary.DancerLikes;
import stream.pika.interactions.boundary.SpotifyExports;
import stream.pika.interactions.entity.ClaimedLikes;
import stream.pika.interactions.entity.ExportRequest;
import stream.pika.interactions.entity.ExportResult;
import stream.pika.interactions.entity.LikeClaim;
import stream.pika.interactions.entity.LikeGroup;
import stream.pika.web.security.DeviceCookie;

import java.util.List;

/**
 * A signed-in dancer's likes from every device ({@code /api/dancer/…}): claiming this browser's
 * anonymous likes, the journal's list, taking a like back, and exports to Spotify.
 */
@Path("dancer")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PikaClientRequired
public class DancerResource {

    public record ClaimAnswer(boolean success, String clientId, int claimed) {
    }

    public record LikesAnswer(boolean success, List<LikeGroup> groups, int page, int pageSize, long total) {
    }

    public record ExportAnswer(boolean success, String playlistUrl, String name, int added, List<ExportResult.Track> notFound) {
    }

    @Inject
    DancerLikes likes;

    @Inject
    SpotifyExports exports;

    @Inject
    DeviceCookie devices;

    @Context
    HttpServletRequest request;

    /** {@code {"clientId": "…"}}: the likes this browser made under that client id become the account's (once per client id). */
    @POST
    @Path("claim")
    @RolesAllowed(Roles.SIGNED_IN)
    public ClaimAnswer claim(@NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid LikeClaim claim) {
        ClaimedLikes claimed = likes.claim(claim, devices.deviceOf(request).orElse(null));
        return new ClaimAnswer(true, claimed.clientId(), claimed.claimed());
    }

    /** {@code ?event=&page=}: the caller's likes from every device, by event and set, newest first. */
    @GET
    @Path("likes")
    @RolesAllowed(Roles.SIGNED_IN)
    public LikesAnswer mine(@QueryParam("event") @Pattern(regexp = AdminResource.ID_SHAPE, message = "event must be an event id") String event,
                            @QueryParam("page") String page) {
        var listed = likes.mine(event == null ? null : Long.valueOf(event), QueryNumbers.page(page));
        return new LikesAnswer(true, listed.groups(), listed.page(), listed.pageSize(), listed.total());
    }

    /** Takes the like back on every device (and out of "Pika! Likes"). */
    @DELETE
    @Path("likes/{id}")
    @RolesAllowed(Roles.SIGNED_IN)
    public PushResource.Done remove(@PathParam("id") @Pattern(regexp = AdminResource.ID_SHAPE, message = AdminResource.BAD_ID) String id) {
        likes.remove(Long.parseLong(id));
        return new PushResource.Done(true);
    }

    /** {@code {"eventId": 7}} or {@code {"sessionId": "…"}}, {@code "name"} optional: a new playlist in the caller's Spotify. */
    @POST
    @Path("exports")
    @RolesAllowed(Roles.SIGNED_IN)
    public Response export(@NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid ExportRequest export) {
        ExportResult result = exports.export(export);
        return Response.status(Response.Status.CREATED)
                .entity(new ExportAnswer(true, result.playlistUrl(), result.name(), result.added(), result.notFound())).build();
    }
}
