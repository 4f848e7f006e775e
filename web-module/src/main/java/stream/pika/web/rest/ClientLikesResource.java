package stream.pika.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import stream.pika.interactions.boundary.InteractionHistory;
import stream.pika.interactions.entity.InteractionViews;

/** A dancer's likes, {@code /api/client/{clientId}/likes}: anyone who knows the client id may read them, as the original. */
@Path("client")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClientLikesResource {

    static final String CLIENT_ID = "client_[a-zA-Z0-9_-]{1,249}";

    @Inject
    InteractionHistory interactions;

    @GET
    @Path("{clientId}/likes")
    public InteractionViews.ClientLikes likes(
            @PathParam("clientId") @Pattern(regexp = CLIENT_ID, message = "Invalid client ID format") String clientId) {
        return interactions.clientLikes(clientId);
    }
}
