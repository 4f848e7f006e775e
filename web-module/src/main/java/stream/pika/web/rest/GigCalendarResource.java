package stream.pika.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import stream.pika.events.boundary.Bookings;

/**
 * {@code GET /api/dj/bookings.ics?token=pk_cal_…}: a DJ's confirmed gigs for a calendar app. The
 * token is the DJ's read-only calendar token (not its sign-in token): calendar apps keep URLs.
 */
@Path("dj/bookings.ics")
@RequestScoped
public class GigCalendarResource {

    @Inject
    Bookings bookings;

    @GET
    @Produces("text/calendar")
    public Response calendar(@QueryParam("token") @Size(max = 64, message = "Calendar not found") String token) {
        return Response.ok(bookings.calendar(token), "text/calendar; charset=utf-8")
                .header("Cache-Control", "private, max-age=300")
                .build();
    }
}
