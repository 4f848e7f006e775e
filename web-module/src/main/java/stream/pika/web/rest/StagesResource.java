package stream.pika.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import stream.pika.events.boundary.Bookings;
import stream.pika.events.boundary.Schedule;
import stream.pika.events.boundary.StageFollows;
import stream.pika.events.boundary.Stages;
import stream.pika.events.entity.EventMessages;
import stream.pika.events.entity.FollowRequest;
import stream.pika.events.entity.StageFollow;
import stream.pika.events.entity.QrFormat;
import stream.pika.events.entity.SlotDetails;
import stream.pika.events.entity.SlotView;
import stream.pika.events.entity.StageDetails;
import stream.pika.events.entity.StageStatus;
import stream.pika.identity.entity.Roles;
import stream.pika.live.boundary.LiveStages;
import stream.pika.platform.entity.PikaException;
import stream.pika.platform.entity.Quota;

/**
 * Stages ({@code /api/stages/{id}}) and schedule slots ({@code /api/stages/{id}/slots},
 * {@code /api/slots/{id}}). A slot answers with {@code ETag: "<version>"}; changing or removing it
 * needs {@code If-Match} with that version (428 without, 409 when someone changed it since).
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PikaClientRequired
public class StagesResource {

    /** Pixels when {@code ?size=} is absent: sharp on a printed A4 sheet. */
    private static final int QR_SIZE = 512;


    static final String ID = AdminResource.ID_SHAPE;
    static final String BAD_ID = AdminResource.BAD_ID;

    @Inject
    Stages stages;

    @Inject
    Schedule schedule;

    @Inject
    Bookings bookings;

    @Inject
    StageFollows follows;

    @Inject
    LiveStages liveStages;

    public record SlotAnswer(boolean success, SlotView slot) {
    }

    public record FollowAnswer(boolean success, StageFollow follow) {
    }

    public record Confirmation(boolean success) {
    }

    /** {@code {"status": "active|paused|closed"}}. */
    public record StatusChange(@NotNull(message = "status is required")
                               @Pattern(regexp = "active|paused|closed", message = "status must be active, paused or closed") String status) {
    }

    @GET
    @Path("stages/{id}")
    public EventsResource.StageAnswer stage(@PathParam("id") @Pattern(regexp = ID, message = BAD_ID) String id) {
        return new EventsResource.StageAnswer(true, liveStages.stage(Long.parseLong(id)));
    }

    /** A device follows the stage for its event's pushes ({@code {"clientId", "pushEndpoint"?}}). */
    @POST
    @Path("stages/{id}/subscribe")
    @RateLimited(Quota.STAGE_FOLLOWS)
    public FollowAnswer follow(@PathParam("id") @Pattern(regexp = ID, message = BAD_ID) String id,
                               @NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid FollowRequest request) {
        return new FollowAnswer(true, follows.follow(Long.parseLong(id), request));
    }

    /** The device stops following the stage ({@code {"clientId"}}). */
    @POST
    @Path("stages/{id}/unsubscribe")
    @RateLimited(Quota.STAGE_FOLLOWS)
    public Confirmation unfollow(@PathParam("id") @Pattern(regexp = ID, message = BAD_ID) String id,
                                 @NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid FollowRequest request) {
        follows.unfollow(Long.parseLong(id), request.clientId());
        return new Confirmation(true);
    }

    @PUT
    @Path("stages/{id}")
    @RolesAllowed(Roles.ORGANIZER)
    public EventsResource.StageAnswer change(@PathParam("id") @Pattern(regexp = ID, message = BAD_ID) String id,
                                             @NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid StageDetails details) {
        return new EventsResource.StageAnswer(true, stages.change(Long.parseLong(id), details));
    }

    @POST
    @Path("stages/{id}/status")
    @RolesAllowed(Roles.ORGANIZER)
    public EventsResource.StageAnswer changeStatus(@PathParam("id") @Pattern(regexp = ID, message = BAD_ID) String id,
                                                   @NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid StatusChange change) {
        return new EventsResource.StageAnswer(true, stages.changeStatus(Long.parseLong(id), StageStatus.named(change.status()).orElseThrow()));
    }

    @GET
    @Path("stages/{id}/qr.png")
    @Produces("image/png")
    public Response qrPng(@PathParam("id") @Pattern(regexp = ID, message = BAD_ID) String id,
                          @QueryParam("size") String size) {
        return qr(id, QrFormat.PNG, size, "image/png");
    }

    @GET
    @Path("stages/{id}/qr.svg")
    @Produces("image/svg+xml")
    public Response qrSvg(@PathParam("id") @Pattern(regexp = ID, message = BAD_ID) String id,
                          @QueryParam("size") String size) {
        return qr(id, QrFormat.SVG, size, "image/svg+xml");
    }

    @POST
    @Path("stages/{id}/slots")
    @RolesAllowed(Roles.ORGANIZER)
    public Response addSlot(@PathParam("id") @Pattern(regexp = ID, message = BAD_ID) String id,
                            @NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid SlotDetails details) {
        SlotView slot = schedule.add(Long.parseLong(id), details);
        return Response.status(Response.Status.CREATED).tag(tagOf(slot)).entity(new SlotAnswer(true, slot)).build();
    }

    @GET
    @Path("slots/{id}")
    public Response slot(@PathParam("id") @Pattern(regexp = ID, message = BAD_ID) String id) {
        SlotView slot = schedule.slot(Long.parseLong(id));
        return Response.ok(new SlotAnswer(true, slot)).tag(tagOf(slot)).build();
    }

    @PUT
    @Path("slots/{id}")
    @RolesAllowed(Roles.ORGANIZER)
    public Response changeSlot(@PathParam("id") @Pattern(regexp = ID, message = BAD_ID) String id,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid SlotDetails details) {
        SlotView slot = schedule.change(Long.parseLong(id), versionOf(ifMatch), details);
        return Response.ok(new SlotAnswer(true, slot)).tag(tagOf(slot)).build();
    }

    @DELETE
    @Path("slots/{id}")
    @RolesAllowed(Roles.ORGANIZER)
    public Response removeSlot(@PathParam("id") @Pattern(regexp = ID, message = BAD_ID) String id,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        schedule.remove(Long.parseLong(id), versionOf(ifMatch));
        return Response.ok(new PushResource.Done(true)).build();
    }

    /** {@code {"djId": 42}}: invites that DJ to play the slot. */
    public record Invitation(@NotNull(message = "djId is required")
                             @Positive(message = "djId must be a user id") Long djId) {
    }

    @POST
    @Path("slots/{id}/booking")
    @RolesAllowed(Roles.ORGANIZER)
    public SlotAnswer invite(@PathParam("id") @Pattern(regexp = ID, message = BAD_ID) String id,
                             @NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid Invitation invitation) {
        return new SlotAnswer(true, bookings.invite(Long.parseLong(id), invitation.djId()));
    }

    @DELETE
    @Path("slots/{id}/booking")
    @RolesAllowed(Roles.ORGANIZER)
    public SlotAnswer cancelBooking(@PathParam("id") @Pattern(regexp = ID, message = BAD_ID) String id) {
        return new SlotAnswer(true, bookings.cancel(Long.parseLong(id)));
    }

    private Response qr(String id, QrFormat format, String size, String type) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(86_400); // the link of a stage never changes
        return Response.ok(stages.qrCode(Long.parseLong(id), format, QueryNumbers.whole("size", size, QR_SIZE)), type).cacheControl(cache).build();
    }

    private static EntityTag tagOf(SlotView slot) {
        return new EntityTag(Integer.toString(slot.version()));
    }

    /** The version an {@code If-Match: "3"} names. */
    static int versionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw PikaException.preconditionRequired(EventMessages.VERSION_REQUIRED);
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw PikaException.invalid("If-Match must name a slot version, such as \"3\"");
        }
    }
}
