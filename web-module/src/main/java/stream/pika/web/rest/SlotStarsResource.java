package stream.pika.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import stream.pika.events.boundary.SlotStars;
import stream.pika.events.entity.StarChange;
import stream.pika.events.entity.StarredSlots;
import stream.pika.platform.entity.Quota;

import java.util.List;

/**
 * A dancer's starred slots of an event ({@code /api/events/{id}/stars}): the signed-in dancer's
 * from the account (a signed-out browser is told so), and changes (star, unstar, the reminder's lead) for a signed-in dancer or a
 * phone with push.
 */
@Path("events/{id}/stars")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PikaClientRequired
public class SlotStarsResource {

    public record StarsAnswer(boolean success, long eventId, List<Long> slotIds, int remindMinutes, boolean reminders, boolean signedIn) {

        static StarsAnswer of(StarredSlots starred) {
            return new StarsAnswer(true, starred.eventId(), starred.slotIds(), starred.remindMinutes(), starred.reminders(),
                    starred.signedIn());
        }
    }

    @Inject
    SlotStars stars;

    /** The signed-in dancer's stars; a signed-out browser gets {@code signedIn: false} (its stars are its own). */
    @GET
    public StarsAnswer mine(@PathParam("id") @Pattern(regexp = AdminResource.ID_SHAPE, message = AdminResource.BAD_ID) String id) {
        return StarsAnswer.of(stars.mine(Long.parseLong(id)));
    }

    /** {@code {"star": [slotIds], "unstar": [slotIds], "remindMinutes": 10, "pushEndpoint": "…"}}, each part optional. */
    @POST
    @RateLimited(Quota.SLOT_STARS)
    public StarsAnswer change(@PathParam("id") @Pattern(regexp = AdminResource.ID_SHAPE, message = AdminResource.BAD_ID) String id,
                              @NotNull(message = JsonBodyReading.BODY_REQUIRED) @Valid StarChange change) {
        return StarsAnswer.of(stars.change(Long.parseLong(id), change));
    }
}
