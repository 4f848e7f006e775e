package stream.pika.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import stream.pika.interactions.boundary.InteractionHistory;
import stream.pika.interactions.entity.InteractionViews;

import java.util.List;

/** Public figures (contract section 2): {@code /api/stats/top-tracks} and {@code /api/stats/global}. */
@Path("stats")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    InteractionHistory interactions;

    @GET
    @Path("top-tracks")
    public List<InteractionViews.TopTrack> topTracks() {
        return interactions.topTracks();
    }

    @GET
    @Path("global")
    public InteractionViews.GlobalStats global() {
        return interactions.global();
    }
}
