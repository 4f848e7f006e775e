package stream.pika.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import stream.pika.events.boundary.EventAnnouncements;
import stream.pika.events.boundary.Events;
import stream.pika.events.boundary.Schedule;
import stream.pika.events.boundary.Stages;
import stream.pika.events.entity.AnnouncementRequest;
import stream.pika.events.entity.AnnouncementView;
import stream.pika.events.entity.EventDetails;
import stream.pika.events.entity.EventStatus;
import stream.pika.events.entity.EventView;
import stream.pika.events.entity.ScheduleView;
import stream.pika.events.entity.StageDetails;
import stream.pika.events.entity.StageView;
import stream.pika.identity.entity.Roles;
import stream.pika.live.boundary.LiveStages;

/** Events ({@code /api/events}): the public listing and reads, and the organizer's writes. */
@Path("events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PikaClientRequired
public class EventsResource {


    @Inject
    Events events;

    @Inject
    EventAnnouncements announcements;

    @Inject
    LiveStages liveStages;

    @Inject
    Stages stages;

    @Inject
    Schedule schedule;

    public record EventAnswer(boolean success, EventView event) {
    }

    public record EventWithStagesAnswer(boolean success, EventView event, java.util.List<StageView> stages) {
    }

    public record StageAnswer(boolean success, StageView stage) {
    }

    public record AnnouncementAnswer(boolean success, AnnouncementView announcement) {
    }

    public record AnnouncementHistory(boolean success, java.util.List<AnnouncementView> announcements) {
    }

    public record ScheduleAnswer(boolean success, ScheduleView schedule) {
    }

    @GET
    public AdminResource.Listing<EventView> listing(
            @QueryParam("status") @DefaultValue("published") @Pattern(regexp = "published|active",
                    message = "status must be published or active") String status,
            @QueryParam("page") String page) {
        return AdminResource.Listing.of(events.listing(EventStatus.named(status).orElseThrow(), QueryNumbers.page(page)));
    }

    /** The signed-in organizer's events, drafts included. */
    @GET
    @Path("mine")
    @RolesAllowed(Roles.ORGANIZER)
    public AdminResource.Listing<EventView> mine(
            @QueryParam("page") String page) {
        return AdminResource.Listing.of(events.mine(QueryNumbers.page(page)));
    }

    @POST
    @RolesAllowed(Roles.ORGANIZER)
    public Response create(@NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid EventDetails details) {
        return Response.status(Response.Status.CREATED).entity(new EventAnswer(true, events.create(details))).build();
    }

    @GET
    @Path("{id}")
    public EventWithStagesAnswer event(@PathParam("id") @Pattern(regexp = AdminResource.ID_SHAPE, message = AdminResource.BAD_ID) String id) {
        Events.EventWithStages found = liveStages.event(Long.parseLong(id));
        return new EventWithStagesAnswer(true, found.event(), found.stages());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ORGANIZER)
    public EventAnswer change(@PathParam("id") @Pattern(regexp = AdminResource.ID_SHAPE, message = AdminResource.BAD_ID) String id,
                              @NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid EventDetails details) {
        return new EventAnswer(true, events.change(Long.parseLong(id), details));
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ORGANIZER)
    public EventAnswer publish(@PathParam("id") @Pattern(regexp = AdminResource.ID_SHAPE, message = AdminResource.BAD_ID) String id) {
        return new EventAnswer(true, events.moveTo(Long.parseLong(id), EventStatus.PUBLISHED));
    }

    /** An announcement to everyone following a stage of the event (with push: one per device). */
    @POST
    @Path("{id}/announcements")
    @RolesAllowed(Roles.ORGANIZER)
    public Response announce(@PathParam("id") @Pattern(regexp = AdminResource.ID_SHAPE, message = AdminResource.BAD_ID) String id,
                             @NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid AnnouncementRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(new AnnouncementAnswer(true, announcements.announce(Long.parseLong(id), request))).build();
    }

    /** The event's announcements, newest first (its organizer only). */
    @GET
    @Path("{id}/announcements")
    @RolesAllowed(Roles.ORGANIZER)
    public AnnouncementHistory announcements(@PathParam("id") @Pattern(regexp = AdminResource.ID_SHAPE, message = AdminResource.BAD_ID) String id) {
        return new AnnouncementHistory(true, announcements.history(Long.parseLong(id)));
    }

    @POST
    @Path("{id}/start")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ORGANIZER)
    public EventAnswer start(@PathParam("id") @Pattern(regexp = AdminResource.ID_SHAPE, message = AdminResource.BAD_ID) String id) {
        return new EventAnswer(true, events.moveTo(Long.parseLong(id), EventStatus.ACTIVE));
    }

    @POST
    @Path("{id}/end")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ORGANIZER)
    public EventAnswer end(@PathParam("id") @Pattern(regexp = AdminResource.ID_SHAPE, message = AdminResource.BAD_ID) String id) {
        return new EventAnswer(true, events.moveTo(Long.parseLong(id), EventStatus.ENDED));
    }

    @POST
    @Path("{id}/stages")
    @RolesAllowed(Roles.ORGANIZER)
    public Response addStage(@PathParam("id") @Pattern(regexp = AdminResource.ID_SHAPE, message = AdminResource.BAD_ID) String id,
                             @NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid StageDetails details) {
        return Response.status(Response.Status.CREATED).entity(new StageAnswer(true, stages.add(Long.parseLong(id), details))).build();
    }

    /** Stages × slots, each slot with {@code happeningNow}. */
    @GET
    @Path("{id}/schedule")
    public ScheduleAnswer schedule(@PathParam("id") @Pattern(regexp = AdminResource.ID_SHAPE, message = AdminResource.BAD_ID) String id) {
        return new ScheduleAnswer(true, schedule.schedule(Long.parseLong(id)));
    }
}
