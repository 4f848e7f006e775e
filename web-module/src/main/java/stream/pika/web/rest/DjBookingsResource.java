package stream.pika.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import stream.pika.events.boundary.Bookings;
import stream.pika.events.entity.BookingView;
import stream.pika.identity.entity.Roles;

import java.util.List;

/** A DJ's bookings ({@code /api/dj/bookings}): its invitations and gigs, its answers, its calendar feed link. */
@Path("dj/bookings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@PikaClientRequired
@RolesAllowed(Roles.DJ)
public class DjBookingsResource {

    @Inject
    Bookings bookings;

    public record BookingList(boolean success, List<BookingView> bookings) {
    }

    /** The feed's token, shown once, and the address to give a calendar app. */
    public record CalendarLink(boolean success, String token, String path) {
    }

    @GET
    public BookingList mine() {
        return new BookingList(true, bookings.mine());
    }

    @POST
    @Path("{slotId}/accept")
    public StagesResource.SlotAnswer accept(@PathParam("slotId") @Pattern(regexp = AdminResource.ID_SHAPE, message = AdminResource.BAD_ID) String slotId) {
        return new StagesResource.SlotAnswer(true, bookings.answer(Long.parseLong(slotId), true));
    }

    @POST
    @Path("{slotId}/decline")
    public StagesResource.SlotAnswer decline(@PathParam("slotId") @Pattern(regexp = AdminResource.ID_SHAPE, message = AdminResource.BAD_ID) String slotId) {
        return new StagesResource.SlotAnswer(true, bookings.answer(Long.parseLong(slotId), false));
    }

    /** A new read-only calendar token (the previous one stops working). */
    @POST
    @Path("calendar-token")
    public CalendarLink calendarToken() {
        String token = bookings.newCalendarToken();
        return new CalendarLink(true, token, "/api/dj/bookings.ics?token=" + token);
    }
}
